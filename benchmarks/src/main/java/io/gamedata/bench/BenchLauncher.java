package io.gamedata.bench;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs one benchmark class by name: {@code BenchLauncher <class> <bench name> [args]}. Each
 * benchmark has a {@code public static void main(String[])}; its last line of output is {@code
 * BENCH <name> key=value ...}.
 */
public final class BenchLauncher {

  private BenchLauncher() {}

  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      System.err.println("usage: BenchLauncher <class> <name> [args]");
      System.exit(2);
    }
    Class<?> type;
    try {
      type = Class.forName(args[0]);
    } catch (ClassNotFoundException e) {
      System.err.println("bench: no benchmark named '" + args[1] + "' (run bench/run --list)");
      System.exit(2);
      return;
    }
    Method main = type.getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
    System.exit(0);
  }
}
