package dev.apiorm.hostile;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.ApiException;
import dev.apiorm.exception.ApiHttpException;
import dev.apiorm.exception.ApiTimeoutException;
import dev.apiorm.exception.BadGatewayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The hostile-server matrix: every fault of {@link HostileServer}, through the blocking
 * and the reactive face, ends with the right exception (or the right record, where a
 * retry recovers) within a time bound, after exactly the requests it should take, and the
 * pool serves a normal request afterwards.
 */
class HostileServerTests {

	private static final ApiClientSettings.Retry ONE_ATTEMPT = new ApiClientSettings.Retry(1, Duration.ZERO,
			Duration.ZERO, Duration.ZERO, Set.of(), null);

	private static final ApiClientSettings.Retry RETRIES = new ApiClientSettings.Retry(3, Duration.ofMillis(10),
			Duration.ofMillis(50), Duration.ofSeconds(2), Set.of("GET"), null);

	private static HostileServer server;

	private static ApiOrm once;

	private static ApiOrm retrying;

	@BeforeAll
	static void start() throws Exception {
		server = new HostileServer();
		once = orm(ONE_ATTEMPT);
		retrying = orm(RETRIES);
	}

	private static ApiOrm orm(ApiClientSettings.Retry retry) {
		return ApiOrm.builder()
			.baseUrl(server.baseUrl())
			.timeout(Duration.ofSeconds(1))
			.maxResponseSize(16 * 1024)
			.retry(retry)
			.build();
	}

	@AfterAll
	static void stop() throws Exception {
		once.close();
		retrying.close();
		server.close();
	}

	@BeforeEach
	void clearLog() {
		server.requests().clear();
	}

	enum Face {

		BLOCKING, REACTIVE

	}

	static Stream<Arguments> recordFaults() {
		List<Object[]> faults = List.of(new Object[] { "reset", ApiConnectionException.class, 2000 },
				new Object[] { "reset-mid-body", ApiConnectionException.class, 2000 },
				new Object[] { "close-without-answer", ApiConnectionException.class, 2000 },
				new Object[] { "truncated", ApiConnectionException.class, 2000 },
				new Object[] { "garbage", ApiConnectionException.class, 2000 },
				new Object[] { "hold", ApiTimeoutException.class, 2500 },
				new Object[] { "drip-headers", ApiTimeoutException.class, 2500 },
				new Object[] { "drip-body", ApiTimeoutException.class, 2500 },
				new Object[] { "json-null", ApiDecodeException.class, 2000 },
				new Object[] { "wrong-shape", ApiDecodeException.class, 2000 },
				new Object[] { "html-502", BadGatewayException.class, 2000 },
				new Object[] { "redirect", ApiHttpException.class, 2000 },
				new Object[] { "oversized", ApiDecodeException.class, 2000 });
		return faults.stream()
			.flatMap((fault) -> Stream.of(Face.values())
				.map((face) -> Arguments.of(fault[0], face, fault[1], fault[2])));
	}

	@ParameterizedTest(name = "out of memory while decoding a page, through the {0} face")
	@MethodSource("faces")
	void anOutOfMemoryErrorOnTheNetworkThreadReachesTheCaller(Face face) {
		// Reactor lets a fatal error end the network thread's task without a signal; the
		// blocking caller waited for ever in 0.1.
		long start = System.nanoTime();
		Throwable thrown = catchThrowable(() -> {
			if (face == Face.BLOCKING) {
				once.repository(Exhausting.class).filter("fault", "one-page").list();
			}
			else {
				once.reactiveRepository(Exhausting.class)
					.filter("fault", "one-page")
					.list()
					.block(Duration.ofSeconds(10));
			}
		});
		assertThat(thrown).isInstanceOf(ApiDecodeException.class).hasMessageContaining("OutOfMemoryError");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
		assertThat(server.count("fault=one-page")).isEqualTo(1);
		assertPoolServes(once);
	}

	@ParameterizedTest(name = "{0} through the {1} face")
	@MethodSource("recordFaults")
	void aFaultyRecordResponseEndsWithItsExceptionInTime(String fault, Face face,
			Class<? extends ApiException> expected, int maxMillis) {
		long start = System.nanoTime();
		Throwable thrown = catchThrowable(() -> get(once, face, fault));
		assertThat(thrown).isInstanceOf(expected);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(maxMillis));
		assertThat(server.count("/" + fault + "/")).isEqualTo(1);
		assertPoolServes(once);
	}

	@ParameterizedTest(name = "smuggled second response through the {0} face")
	@MethodSource("faces")
	void aSmuggledSecondResponseNeverAnswersAnotherRequest(Face face) {
		// Its own client: a smuggled response left on a pooled connection would answer
		// whichever request uses that connection next.
		// A smuggled response that shares the first one's read closes the connection. One
		// that arrives after the next request was written cannot be told apart on the
		// wire (HTTP/1.1 has no request ids): its record is then refused, as it is not
		// the
		// one asked for, and so is each response it pushed along. Twenty rounds make both
		// orders happen; no call ever returns a record it did not ask for.
		try (ApiOrm own = orm(ONE_ATTEMPT)) {
			for (int round = 0; round < 20; round++) {
				assertRightOrRefused(own, face, "smuggle", "U1");
				for (int i = 0; i < 3; i++) {
					assertRightOrRefused(own, face, "0", "U0");
				}
			}
			// Each refusal consumes one pushed-along response: the pool serves again.
			boolean served = false;
			for (int attempt = 0; attempt < 25 && !served; attempt++) {
				served = assertRightOrRefused(own, face, "0", "U0");
			}
			assertThat(served).isTrue();
		}
	}

	private static boolean assertRightOrRefused(ApiOrm orm, Face face, String id, String name) {
		try {
			assertThat(get(orm, face, id).name()).isEqualTo(name);
			return true;
		}
		catch (ApiDecodeException refused) {
			assertThat(refused).hasMessageContaining("not the one asked for");
			return false;
		}
	}

	static Stream<Face> faces() {
		return Stream.of(Face.values());
	}

	static Stream<Arguments> transientFaults() {
		return Stream.of("503-then-ok", "429-retry-after-then-ok", "reset-then-ok")
			.flatMap((fault) -> Stream.of(Face.values()).map((face) -> Arguments.of(fault, face)));
	}

	@ParameterizedTest(name = "{0} through the {1} face")
	@MethodSource("transientFaults")
	void aTransientFaultOnAGetIsRetriedOnce(String fault, Face face) {
		String path = fault + "-" + face.name().toLowerCase();
		long start = System.nanoTime();
		assertThat(get(retrying, face, path).name()).isEqualTo("U1");
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).isLessThan(Duration.ofMillis(fault.startsWith("429") ? 2500 : 1500));
		if (fault.startsWith("429")) {
			assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(990));
		}
		assertThat(server.count("/" + path + "/")).isEqualTo(2);
		assertPoolServes(retrying);
	}

	enum Iteration {

		LIST, FLUX, STREAM

	}

	static Stream<Arguments> pageFaults() {
		List<Object[]> faults = List.of(new Object[] { "loop-self", 1 }, new Object[] { "loop-a", 3 },
				new Object[] { "null-record", 1 }, new Object[] { "garbage-page", 1 },
				new Object[] { "malformed-next", 1 }, new Object[] { "foreign-next", 1 },
				new Object[] { "beyond-count", 2 });
		return faults.stream()
			.flatMap((fault) -> Stream.of(Iteration.values())
				.map((iteration) -> Arguments.of(fault[0], iteration, fault[1])));
	}

	@ParameterizedTest(name = "{0} through {1}")
	@MethodSource("pageFaults")
	void aFaultyPageEndsTheIterationWithADecodeErrorInTime(String fault, Iteration iteration, int requests) {
		long start = System.nanoTime();
		Throwable thrown = catchThrowable(() -> iterate(iteration, fault));
		assertThat(thrown).isInstanceOf(ApiDecodeException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
		// The pages' requests, all of which carry the fault: a pool check of an earlier
		// test that a loaded machine logs late is not one of them.
		assertThat(server.count("fault=")).isEqualTo(requests);
		assertPoolServes(once);
	}

	private static Account get(ApiOrm orm, Face face, String id) {
		if (face == Face.BLOCKING) {
			return orm.repository(Account.class).get(id);
		}
		ReactiveApiRepository<Account> users = orm.reactiveRepository(Account.class);
		return users.get(id).block(Duration.ofSeconds(10));
	}

	private static List<Account> iterate(Iteration iteration, String fault) {
		ApiRepository<Account> users = once.repository(Account.class);
		return switch (iteration) {
			case LIST -> users.filter("fault", fault).list();
			case FLUX -> once.reactiveRepository(Account.class)
				.filter("fault", fault)
				.flux()
				.collectList()
				.block(Duration.ofSeconds(10));
			case STREAM -> {
				try (Stream<Account> records = users.filter("fault", fault).stream()) {
					yield records.toList();
				}
			}
		};
	}

	private static void assertPoolServes(ApiOrm orm) {
		assertThat(orm.repository(Account.class).get(0).name()).isEqualTo("U0");
	}

}
