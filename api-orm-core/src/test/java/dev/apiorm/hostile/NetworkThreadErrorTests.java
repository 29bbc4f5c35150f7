package dev.apiorm.hostile;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.ApiTemplates;
import dev.apiorm.core.ModelValidator;
import dev.apiorm.core.ReactiveApiTemplate;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.observation.DefaultApiExchangeObservationConvention;
import dev.apiorm.core.page.PageStage;
import dev.apiorm.core.page.WindowRead;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.exception.ApiDecodeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/**
 * Errors thrown on the network thread while a page is read, the way a list larger than
 * the heap ends: an {@link OutOfMemoryError} (or any other {@link Error}) in the decoder
 * of the second page, or in a page stage, reaches the caller at once through every face,
 * after exactly the two pages' requests, and the pool serves the next request. Reactor
 * treats the JVM's fatal errors as not signalable and lets them unwind the network
 * thread's task: unless api-orm turns them into a signal, a blocking caller waits for
 * ever.
 */
class NetworkThreadErrorTests {

	private static final ApiClientSettings.Retry ONE_ATTEMPT = new ApiClientSettings.Retry(1, Duration.ZERO,
			Duration.ZERO, Duration.ZERO, Set.of(), null);

	private static HostileServer server;

	private static ApiOrm orm;

	private static ApiOrm staged;

	@BeforeAll
	static void start() throws Exception {
		server = new HostileServer();
		orm = ApiOrm.builder().baseUrl(server.baseUrl()).timeout(Duration.ofSeconds(1)).retry(ONE_ATTEMPT).build();
		ApiMappingContext mappingContext = new ApiMappingContext();
		ReactiveApiTemplate template = new ReactiveApiTemplate(
				ApiClientSettings.defaults(ApiTemplates.DEFAULT_CLIENT, java.net.URI.create(server.baseUrl())),
				WebClient.create(), new DrfDialect(mappingContext.getJsonMapper()), mappingContext,
				ModelValidator.of(null), ObservationRegistry.NOOP, new DefaultApiExchangeObservationConvention(), null,
				List.of(), List.of(new ExhaustedOnSecondPage()));
		staged = new ApiOrm(new ApiTemplates(mappingContext, Map.of(ApiTemplates.DEFAULT_CLIENT, template)));
		// The clients' first requests, which load classes and open connections, are not
		// timed.
		assertPoolServes(orm);
		assertPoolServes(staged);
	}

	@AfterAll
	static void stop() throws Exception {
		orm.close();
		staged.close();
		server.close();
	}

	@BeforeEach
	void clearLog() {
		server.requests().clear();
	}

	enum Iteration {

		LIST, STREAM, FLUX, REACTIVE_LIST

	}

	static Stream<Arguments> decoderErrors() {
		return Stream
			.of(OutOfMemoryError.class, StackOverflowError.class, InternalError.class, NoClassDefFoundError.class,
					AssertionError.class)
			.flatMap((error) -> Stream.of(Iteration.values()).map((iteration) -> Arguments.of(error, iteration)));
	}

	@ParameterizedTest(name = "{0} while decoding the second page, through {1}")
	@MethodSource("decoderErrors")
	void anErrorWhileDecodingAPageReachesTheCallerAtOnce(Class<? extends Error> error, Iteration iteration) {
		long start = System.nanoTime();
		Throwable thrown = catchThrowable(
				() -> bounded(() -> iterate(orm, iteration, Failing.class, error.getSimpleName())));
		assertThat(thrown).isInstanceOf(ApiDecodeException.class)
			.hasMessageContaining(error.getSimpleName())
			.hasCauseInstanceOf(error);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
		assertThat(server.count("fault=fails-later")).isEqualTo(2);
		assertPoolServes(orm);
	}

	static Stream<Iteration> iterations() {
		return Stream.of(Iteration.values());
	}

	@ParameterizedTest(name = "out of memory in a page stage on the second page, through {0}")
	@MethodSource("iterations")
	void anOutOfMemoryErrorInAPageStageReachesTheCallerAtOnce(Iteration iteration) {
		long start = System.nanoTime();
		Throwable thrown = catchThrowable(() -> bounded(() -> iterate(staged, iteration, Account.class, "U3")));
		assertThat(thrown).isInstanceOf(ApiDecodeException.class)
			.hasMessageContaining("OutOfMemoryError")
			.hasCauseInstanceOf(OutOfMemoryError.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
		assertThat(server.count("fault=fails-later")).isEqualTo(2);
		assertPoolServes(staged);
	}

	private static <T> List<T> iterate(ApiOrm orm, Iteration iteration, Class<T> model, String error) {
		ApiRepository<T> blocking = orm.repository(model);
		ReactiveApiRepository<T> reactive = orm.reactiveRepository(model);
		return switch (iteration) {
			case LIST -> blocking.filter("fault", "fails-later").filter("error", error).list();
			case STREAM -> {
				try (Stream<T> records = blocking.filter("fault", "fails-later").filter("error", error).stream()) {
					yield records.toList();
				}
			}
			case FLUX -> reactive.filter("fault", "fails-later")
				.filter("error", error)
				.flux()
				.collectList()
				.block(Duration.ofSeconds(10));
			case REACTIVE_LIST ->
				reactive.filter("fault", "fails-later").filter("error", error).list().block(Duration.ofSeconds(10));
		};
	}

	/**
	 * Runs a call on a thread of its own, failing the test instead of waiting for ever.
	 */
	private static <V> V bounded(Supplier<V> call) throws Throwable {
		CompletableFuture<V> result = CompletableFuture.supplyAsync(call);
		try {
			return result.get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw ex.getCause();
		}
		catch (TimeoutException ex) {
			return fail("the caller was still waiting after 10 s");
		}
	}

	private static void assertPoolServes(ApiOrm orm) {
		assertThat(orm.repository(Account.class).get(0).name()).isEqualTo("U0");
	}

	/**
	 * A stage that runs out of memory on the second page of an iteration.
	 */
	private static final class ExhaustedOnSecondPage implements PageStage {

		@Override
		public <R> @Nullable Pass<R> open(WindowRead<R> read) {
			return (page) -> {
				if (page.index() == 1) {
					throw new OutOfMemoryError("simulated: Java heap space");
				}
				return Mono.just(page);
			};
		}

	}

}
