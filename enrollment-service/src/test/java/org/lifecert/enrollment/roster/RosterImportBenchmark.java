package org.lifecert.enrollment.roster;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.lifecert.testing.LifeCertTestResource;

/**
 * Measures roster import throughput on the real stack (not a timed test: it asserts nothing about speed).
 * Run: ./mvnw -B -o -pl enrollment-service verify -Dtest=RosterImportBenchmark -Dlifecert.benchmark=true
 * [-Dlifecert.benchmark.rows=100000]; the figure is printed and written to target/roster-benchmark.txt.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
@EnabledIfSystemProperty(named = "lifecert.benchmark", matches = "true")
class RosterImportBenchmark {

    @Test
    void measureRowsPerSecond() throws Exception {
        int rows = Integer.getInteger("lifecert.benchmark.rows", 100_000);
        StringBuilder report = new StringBuilder();
        for (int run = 1; run <= 2; run++) {
            String bureau = "bureau-bench-" + System.nanoTime();
            Path file = new RosterFiles().write(rows, StandardCharsets.UTF_8);
            long wallStart = System.nanoTime();
            JsonPath result = RosterImportTests.importFile(bureau, file, "auto", new ArrayList<>());
            double wall = (System.nanoTime() - wallStart) / 1e9;
            double server = Duration.between(Instant.parse(result.getString("startedAt")),
                    Instant.parse(result.getString("finishedAt"))).toMillis() / 1000.0;
            String line = String.format("run %d: %d rows, created %d, server %.2f s = %.0f rows/s, upload-to-done %.2f s = %.0f rows/s (file %d bytes)%n",
                    run, rows, result.getInt("created"), server, rows / server, wall, rows / wall, Files.size(file));
            System.out.print(line);
            report.append(line);
            Files.delete(file);
        }
        Files.writeString(Path.of("target/roster-benchmark.txt"), report.toString());
    }
}
