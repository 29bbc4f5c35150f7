package dev.apiorm.repository.support;

import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.apiorm.exception.ConfigurationException;

/**
 * The blocking facade's one way to wait for the reactive engine, refusing to block an
 * event-loop thread.
 */
final class Blocking {

	private Blocking() {
	}

	static <T> @Nullable T block(Mono<T> mono) {
		checkThread();
		return mono.block();
	}

	static <T> T blockRequired(Mono<T> mono) {
		T value = block(mono);
		if (value == null) {
			throw new IllegalStateException("The reactive engine completed without a value");
		}
		return value;
	}

	static <T> Optional<T> blockOptional(Mono<T> mono) {
		checkThread();
		return mono.blockOptional();
	}

	static <T> Stream<T> stream(Flux<T> flux, int batchSize) {
		checkThread();
		return BlockingIterator.of(flux, batchSize).stream();
	}

	static <T> Iterator<T> iterator(Flux<T> flux, int batchSize) {
		checkThread();
		return BlockingIterator.of(flux, batchSize);
	}

	static void checkThread() {
		if (Schedulers.isInNonBlockingThread()) {
			throw new ConfigurationException(
					"A blocking api-orm call was made on the non-blocking thread '" + Thread.currentThread().getName()
							+ "'; use the ReactiveApiRepository (ReactiveQuerySet) here instead");
		}
	}

}
