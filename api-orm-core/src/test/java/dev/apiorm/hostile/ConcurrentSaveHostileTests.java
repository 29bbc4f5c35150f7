package dev.apiorm.hostile;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.fixtures.Sheet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent saves of one instance against servers that answer a {@code PATCH} in the
 * ways that make them hard (the whole record late, after answers to later
 * {@code PATCH}es; only the fields patched; no body): 32 threads (or 32 reactive saves in
 * flight) each set a field of their own and save, then one last save; every round, the
 * server and the instance hold every new value, within a time bound, after one
 * {@code GET} and at most one {@code PATCH} per save, and the pool serves the next
 * request.
 */
class ConcurrentSaveHostileTests {

	private static final int ROUNDS = 10;

	private static final Field[] FIELDS = new Field[Sheet.FIELDS];

	private static ExecutorService threads;

	enum Face {

		BLOCKING, REACTIVE

	}

	@BeforeAll
	static void fields() throws NoSuchFieldException {
		for (int i = 0; i < FIELDS.length; i++) {
			FIELDS[i] = Sheet.class.getField("f" + i);
		}
		threads = Executors.newFixedThreadPool(Sheet.FIELDS);
	}

	@AfterAll
	static void stop() {
		threads.shutdownNow();
	}

	static Stream<Arguments> answers() {
		return Stream.of(SavingServer.Answer.values())
			.flatMap((answer) -> Stream.of(Face.values()).map((face) -> Arguments.of(answer, face)));
	}

	@ParameterizedTest(name = "{0} through the {1} face")
	@MethodSource("answers")
	void concurrentSavesOfOneInstanceLoseNothing(SavingServer.Answer answer, Face face) throws Exception {
		try (SavingServer server = new SavingServer(answer);
				ApiOrm orm = ApiOrm.builder().baseUrl(server.baseUrl()).timeout(Duration.ofSeconds(10)).build()) {
			ApiRepository<Sheet> sheets = orm.repository(Sheet.class);
			// Round 0 opens the connections and warms the code up: it is not timed.
			for (int round = 0; round <= ROUNDS; round++) {
				server.reset(Sheet.FIELDS, "before " + round);
				String value = "round " + round;
				long start = System.nanoTime();
				Sheet sheet = sheets.get(1L);
				if (face == Face.BLOCKING) {
					saveFromThreads(sheets, sheet, value);
				}
				else {
					saveInFlight(orm.reactiveRepository(Sheet.class), sheet, value);
				}
				if (round > 0) {
					assertThat(Duration.ofNanos(System.nanoTime() - start)).as("round %d", round)
						.isLessThan(Duration.ofSeconds(3));
				}
				JsonNode held = server.record();
				for (int i = 0; i < Sheet.FIELDS; i++) {
					assertThat(held.get("f" + i).asString()).as("round %d, f%d on the server", round, i)
						.isEqualTo(value);
					assertThat(FIELDS[i].get(sheet)).as("round %d, f%d in the instance", round, i).isEqualTo(value);
				}
				assertThat(server.gets()).as("GETs of round %d", round).isEqualTo(1);
				assertThat(server.patches()).as("PATCHes of round %d", round).isBetween(1, Sheet.FIELDS + 1);
			}
			// The pool serves the next request.
			assertThat(sheets.get(1L).f0).isEqualTo("round " + ROUNDS);
		}
	}

	private static void saveFromThreads(ApiRepository<Sheet> sheets, Sheet sheet, String value) throws Exception {
		CyclicBarrier start = new CyclicBarrier(Sheet.FIELDS);
		List<Future<Sheet>> saves = new ArrayList<>();
		for (Field field : FIELDS) {
			saves.add(threads.submit(() -> {
				start.await();
				field.set(sheet, value);
				return sheets.save(sheet);
			}));
		}
		for (Future<Sheet> save : saves) {
			assertThat(save.get()).isSameAs(sheet);
		}
		sheets.save(sheet);
	}

	private static void saveInFlight(ReactiveApiRepository<Sheet> sheets, Sheet sheet, String value) {
		Flux.fromArray(FIELDS).flatMap((field) -> {
			set(field, sheet, value);
			return sheets.save(sheet);
		}, Sheet.FIELDS).then(Mono.defer(() -> sheets.save(sheet))).block(Duration.ofSeconds(10));
	}

	private static void set(Field field, Sheet sheet, String value) {
		try {
			field.set(sheet, value);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
