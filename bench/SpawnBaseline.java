import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * The physical floor for the engine benchmark: spawn /bin/true HOSTS x TASKS times through
 * Commons Exec, FORKS at a time, in lockstep per task as the linear strategy does, and print
 * the wall time in milliseconds. Run with the runbook jar on the class path.
 */
public class SpawnBaseline {
  public static void main(String[] args) throws Exception {
    int hosts = Integer.parseInt(args[0]);
    int tasks = Integer.parseInt(args[1]);
    int forks = Integer.parseInt(args[2]);
    ExecutorService pool = Executors.newFixedThreadPool(forks);
    run(pool, hosts, 5); // warm-up
    long start = System.nanoTime();
    run(pool, hosts, tasks);
    long ms = (System.nanoTime() - start) / 1_000_000;
    pool.shutdown();
    System.out.println(ms);
  }

  private static void run(ExecutorService pool, int hosts, int tasks) throws Exception {
    for (int t = 0; t < tasks; t++) {
      List<Future<Integer>> all = new ArrayList<>();
      for (int h = 0; h < hosts; h++) {
        all.add(pool.submit(() -> {
          DefaultExecutor e = DefaultExecutor.builder().get();
          e.setExitValues(null);
          e.setStreamHandler(new PumpStreamHandler(new java.io.ByteArrayOutputStream(),
              new java.io.ByteArrayOutputStream()));
          return e.execute(new CommandLine("/bin/true"));
        }));
      }
      for (Future<Integer> f : all) {
        f.get();
      }
    }
  }
}
