package dev.apiorm.core;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.apiorm.exception.ConfigurationException;

/**
 * How the blocking faces of api-orm wait for the reactive engine: never on an event-loop
 * thread, and page by page when iterating, so that records cross from the network thread
 * to the caller's a page at a time and every record that arrived before a failure is
 * delivered ahead of it. The observation in scope on the calling thread (a request's, in
 * a servlet application) is handed to the engine in the Reactor context, so that every
 * exchange of the call nests under it, also those that start on a network or timer thread
 * (the next page, a retry).
 */
public final class Blocking {

	/**
	 * Reads the observation in scope on a thread: Micrometer keeps the scopes of every
	 * registry in one thread-local.
	 */
	private static final ObservationRegistry SCOPES = ObservationRegistry.create();

	private Blocking() {
	}

	private static <T> Mono<T> inCallersObservation(Mono<T> mono) {
		Observation current = SCOPES.getCurrentObservation();
		return (current != null) ? mono.contextWrite((context) -> context.hasKey(ObservationThreadLocalAccessor.KEY)
				? context : context.put(ObservationThreadLocalAccessor.KEY, current)) : mono;
	}

	private static <T> Flux<T> inCallersObservation(Flux<T> flux) {
		Observation current = SCOPES.getCurrentObservation();
		return (current != null) ? flux.contextWrite((context) -> context.hasKey(ObservationThreadLocalAccessor.KEY)
				? context : context.put(ObservationThreadLocalAccessor.KEY, current)) : flux;
	}

	/**
	 * Waits for a value.
	 * @param mono the value
	 * @param <T> the value type
	 * @return the value, {@code null} when the Mono completed empty
	 */
	public static <T> @Nullable T block(Mono<T> mono) {
		checkThread();
		return inCallersObservation(mono).block();
	}

	/**
	 * Waits for a value that must be there.
	 * @param mono the value
	 * @param <T> the value type
	 * @return the value
	 */
	public static <T> T blockRequired(Mono<T> mono) {
		T value = block(mono);
		if (value == null) {
			throw new IllegalStateException("The reactive engine completed without a value");
		}
		return value;
	}

	/**
	 * Waits for a value that may be absent.
	 * @param mono the value
	 * @param <T> the value type
	 * @return the value, if any
	 */
	public static <T> Optional<T> blockOptional(Mono<T> mono) {
		checkThread();
		return inCallersObservation(mono).blockOptional();
	}

	/**
	 * The records of pages as a lazy stream: the next page is requested when the caller
	 * starts on the current one, so at most two pages are held; closing the stream
	 * cancels the request in flight.
	 * @param pages the pages
	 * @param <T> the record type
	 * @return the records
	 */
	public static <T> Stream<T> stream(Flux<List<T>> pages) {
		checkThread();
		return inCallersObservation(pages).materialize().toStream(1).flatMap((signal) -> {
			if (signal.isOnNext()) {
				List<T> page = signal.get();
				return (page != null) ? page.stream() : Stream.empty();
			}
			Throwable failure = signal.getThrowable();
			if (failure != null) {
				throw Exceptions.propagate(failure);
			}
			return Stream.empty();
		});
	}

	/**
	 * Fails when the current thread must not block.
	 * @throws ConfigurationException on a reactive event-loop thread
	 */
	public static void checkThread() {
		if (Schedulers.isInNonBlockingThread()) {
			throw new ConfigurationException(
					"A blocking api-orm call was made on the non-blocking thread '" + Thread.currentThread().getName()
							+ "'; use the ReactiveApiRepository (ReactiveQuerySet) here instead");
		}
	}

}
