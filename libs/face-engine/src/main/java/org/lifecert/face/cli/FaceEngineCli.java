package org.lifecert.face.cli;

import java.util.Arrays;

/**
 * Evaluation tool: {@code java -jar face-engine-cli.jar verify|liveness|bench ...}. Each command prints progress to
 * stderr and ends with one JSON line on stdout.
 */
public final class FaceEngineCli {
    private FaceEngineCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int code = switch (args[0]) {
            case "verify" -> VerifyCommand.run(CliArgs.parse(rest));
            case "liveness" -> LivenessCommand.run(CliArgs.parse(rest));
            case "bench" -> BenchCommand.run(CliArgs.parse(rest));
            default -> {
                usage();
                yield 2;
            }
        };
        System.exit(code);
    }

    private static void usage() {
        System.err.println("""
                usage:
                  verify   --pairs FILE [--root DIR] [--scores-csv OUT] [--threshold T]
                           pairs: CSV path_a,path_b,same (1/0) or file_x,file_y,Decision (Yes/No); paths relative to --root
                           (default: the pairs file's folder)
                  liveness --live DIR --spoof DIR [--threshold T]
                  bench    --images DIR [--warmup N] [--frames N] [--seconds S] [--threads N]
                """);
    }
}
