package dev.apiorm.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why the change tracker is generational (see {@link WeakIdentityMap}): a weak reference
 * per listed record that lives on in the old generation keeps its record alive through
 * young collections, so a long iteration promoted every record it handed out and filled
 * the old generation of a small heap with them. A JVM of its own with a 64 MB heap
 * ({@link ListedMillion}) streams a million tracked records from an upstream in it and
 * drops them; at every hundred thousandth record the old generation, after full
 * collections, holds what it held at the first, the tracker holds at most the pages in
 * flight, and young collections have promoted at most a few bytes per record. (A tracker
 * that puts every record's reference straight into one table promoted about 44 MB over
 * the same 900,000 records; this one, about 4 MB.)
 */
class ChangeTrackingOldGenerationTests {

	private static final Pattern CHECKPOINT = Pattern.compile("checkpoint (\\d+) (\\d+) (\\d+) (\\d+)");

	private static final long MB = 1024 * 1024;

	@Test
	void aMillionListedRecordsLeaveTheOldGenerationFlatInASmallHeap(@TempDir Path dir) throws Exception {
		Path output = dir.resolve("child.txt");
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx64m", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"), ListedMillion.class.getName())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		boolean ended = child.waitFor(3, TimeUnit.MINUTES);
		if (!ended) {
			child.destroyForcibly();
		}
		String printed = Files.readString(output);
		assertThat(ended).as(printed).isTrue();
		assertThat(child.exitValue()).as(printed).isZero();
		assertThat(printed).contains("records " + ListedMillion.RECORDS);

		List<long[]> checkpoints = checkpoints(printed);
		assertThat(checkpoints).as(printed).hasSize(ListedMillion.RECORDS / ListedMillion.CHECKPOINT);
		long[] first = checkpoints.get(0);
		for (long[] checkpoint : checkpoints) {
			assertThat(checkpoint[1])
				.as("old generation after full collections at record %d (first %d)", checkpoint[0], first[1])
				.isLessThanOrEqualTo(first[1] + 8 * MB);
			assertThat(checkpoint[2]).as("instances tracked at record %d", checkpoint[0])
				.isLessThanOrEqualTo(2L * ListedMillion.PAGE);
		}
		long promoted = checkpoints.get(checkpoints.size() - 1)[3] - first[3];
		assertThat(promoted)
			.as("bytes promoted by young collections over %d records", ListedMillion.RECORDS - ListedMillion.CHECKPOINT)
			.isLessThan(16 * MB);
	}

	private static List<long[]> checkpoints(String printed) {
		List<long[]> checkpoints = new ArrayList<>();
		Matcher line = CHECKPOINT.matcher(printed);
		while (line.find()) {
			checkpoints.add(new long[] { Long.parseLong(line.group(1)), Long.parseLong(line.group(2)),
					Long.parseLong(line.group(3)), Long.parseLong(line.group(4)) });
		}
		return checkpoints;
	}

}
