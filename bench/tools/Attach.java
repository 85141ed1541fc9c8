import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native JVMTI agent into a running JVM with the JDK's Attach API (the benchmark's {@code
 * --profile} uses it to start and stop async-profiler in the server JVM). Run as a single-file
 * program: {@code java bench/tools/Attach.java <pid> <agent .so path> <agent options>}. Exits
 * non-zero, with the JDK's message, when the JVM refuses the attach or the agent reports an error.
 */
public final class Attach {
  private Attach() {}

  /**
   * Attaches and loads the agent.
   *
   * @param args the JVM's process id, the agent library's absolute path, the agent's options
   * @throws Exception when attaching or loading fails
   */
  public static void main(String[] args) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    try {
      vm.loadAgentPath(args[1], args[2]);
    } finally {
      vm.detach();
    }
  }
}
