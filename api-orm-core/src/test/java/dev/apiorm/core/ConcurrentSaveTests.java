package dev.apiorm.core;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.fixtures.Sheet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads saving one tracked instance at once, each after setting a field of its
 * own, against an upstream in the test JVM that applies each {@code PATCH} to its record
 * and answers the whole record: after a last save, the server and the instance hold every
 * field's new value, round after round, through both faces. Before the in-place update
 * kept what changed locally during a save, the answer to one thread's {@code PATCH} set
 * another thread's field back to its old value, and the last save saw no change to send.
 */
class ConcurrentSaveTests {

	private static final int ROUNDS = 30;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Field[] FIELDS = new Field[Sheet.FIELDS];

	private static DisposableServer server;

	private static ObjectNode record;

	private static final AtomicInteger patches = new AtomicInteger();

	private static ApiOrm orm;

	@BeforeAll
	static void serve() throws NoSuchFieldException {
		for (int i = 0; i < FIELDS.length; i++) {
			FIELDS[i] = Sheet.class.getField("f" + i);
		}
		server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			response.header("Content-Type", "application/json");
			if (request.method().equals(HttpMethod.PATCH)) {
				return response.sendString(request.receive().aggregate().asString().map((body) -> {
					patches.incrementAndGet();
					return apply(JSON.readTree(body));
				}));
			}
			return response.sendString(Mono.fromCallable(ConcurrentSaveTests::current));
		}).bindNow();
		orm = ApiOrm.builder().baseUrl("http://127.0.0.1:" + server.port()).build();
	}

	@AfterAll
	static void stop() {
		orm.close();
		server.disposeNow();
	}

	@BeforeEach
	void reset() {
		synchronized (ConcurrentSaveTests.class) {
			record = JSON.createObjectNode().put("id", 1);
			for (int i = 0; i < Sheet.FIELDS; i++) {
				record.put("f" + i, "initial");
			}
		}
	}

	private static synchronized String apply(JsonNode patch) {
		for (Map.Entry<String, JsonNode> field : patch.properties()) {
			record.set(field.getKey(), field.getValue());
		}
		return record.toString();
	}

	private static synchronized String current() {
		return record.toString();
	}

	@Test
	void threadsSavingTheirOwnFieldsOfOneInstanceLoseNothing() throws Exception {
		ApiRepository<Sheet> sheets = orm.repository(Sheet.class);
		ExecutorService threads = Executors.newFixedThreadPool(Sheet.FIELDS);
		try {
			List<String> lost = new ArrayList<>();
			for (int round = 1; round <= ROUNDS; round++) {
				Sheet sheet = sheets.get(1L);
				String value = "round " + round;
				CyclicBarrier start = new CyclicBarrier(Sheet.FIELDS);
				List<Future<Sheet>> saves = new ArrayList<>();
				for (int i = 0; i < Sheet.FIELDS; i++) {
					Field field = FIELDS[i];
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
				lostFields(round, sheet, value, lost);
			}
			assertThat(lost).as("fields lost in %d of %d rounds", lost.size(), ROUNDS).isEmpty();
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void concurrentReactiveSavesOfOneInstanceLoseNothing() throws Exception {
		ReactiveApiRepository<Sheet> sheets = orm.reactiveRepository(Sheet.class);
		List<String> lost = new ArrayList<>();
		for (int round = 1; round <= ROUNDS; round++) {
			Sheet sheet = sheets.get(1L).block(Duration.ofSeconds(10));
			String value = "round " + round;
			// Each field set as the previous saves' answers arrive on the network
			// threads.
			Flux.range(0, Sheet.FIELDS).flatMap((i) -> {
				set(sheet, i, value);
				return sheets.save(sheet);
			}, Sheet.FIELDS).then(Mono.defer(() -> sheets.save(sheet))).block(Duration.ofSeconds(10));
			lostFields(round, sheet, value, lost);
		}
		assertThat(lost).as("fields lost in %d of %d rounds", lost.size(), ROUNDS).isEmpty();
	}

	private static void set(Sheet sheet, int field, String value) {
		try {
			FIELDS[field].set(sheet, value);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Adds the fields of a round that the server or the instance does not hold with the
	 * round's value.
	 */
	private static void lostFields(int round, Sheet sheet, String value, List<String> lost)
			throws IllegalAccessException {
		JsonNode held = JSON.readTree(current());
		List<String> fields = new ArrayList<>();
		for (int i = 0; i < Sheet.FIELDS; i++) {
			if (!value.equals(held.get("f" + i).asString()) || !value.equals(FIELDS[i].get(sheet))) {
				fields.add("f" + i);
			}
		}
		if (!fields.isEmpty()) {
			lost.add("round " + round + ": " + fields);
		}
	}

}
