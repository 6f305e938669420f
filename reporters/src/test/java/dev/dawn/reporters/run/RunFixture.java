package dev.dawn.reporters.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies a hand-written run folder from src/test/resources/runs into a temp dir, so tests may mutate it. */
public final class RunFixture {
    private RunFixture() {
    }

    public static Path copy(String name, Path target) throws IOException {
        Path source = Path.of("src/test/resources/runs", name);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    /** The fixture copied and exported (DAWNBench TSV/JSON, metrics.csv, accuracy.png), as after {@code dawn train}. */
    public static Path exported(String name, Path target) throws IOException {
        copy(name, target);
        RunExporter.export(target);
        return target;
    }
}
