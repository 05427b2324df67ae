package io.mathsieve.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchCommandTest {
  // /proc/<pid>/task/<tid>/stat: "tid (comm) state ppid ... utime stime ...", utime and stime being
  // fields 14 and 15. The end-to-end rows leave out what the JIT compiler threads spent.
  @Test
  void jitCompilerTicksComeFromTheCompilerThreadsStat() {
    String c2 = "4242 (C2 CompilerThre) S 1 4200 4200 0 -1 4194368 2 0 0 0 1234 56 0 0 20 0 30 0 100 0 0";
    String task = "4243 (Source: a (b) c) R 1 4200 4200 0 -1 4194368 2 0 0 0 999 9 0 0 20 0 30 0 100 0 0";
    assertThat(BenchCommand.compilerTicks(c2)).isEqualTo(1234 + 56);
    assertThat(BenchCommand.compilerTicks(task)).as("not a compiler thread, parentheses in its name").isZero();
  }

  // An end-to-end rate above the gunzip floor is start-up noise, not a measurement: said once, with the count.
  @Test
  void runsAboveTheGunzipFloorAreCalledNoise() {
    assertThat(BenchCommand.aboveFloorNote(java.util.List.of(new double[] {500, 600}, new double[] {300}), 3000, 572)).isEmpty();
    assertThat(BenchCommand.aboveFloorNote(java.util.List.of(new double[] {967, 58_000, 829}, new double[] {3001}), 3000, 72)).isEqualTo(
        "note: 2 of 4 end-to-end runs came out above the gunzip floor (3,000 pages/s), which a job that gunzips every page cannot be: "
            + "72 pages beyond the first files are too few for the difference of two runs to exceed start-up noise; measure on more pages"
            + System.lineSeparator());
  }
}
