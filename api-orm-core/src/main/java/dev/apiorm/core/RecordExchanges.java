package dev.apiorm.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.exception.PreconditionFailedException;

/**
 * The exchanges of single records on one client: read by id, create, replace, patch and
 * delete, in the dialect's methods and envelopes, and the probe of a path. A conditional
 * write (one that may send {@code If-Match}) whose answer is {@code 412} fails with the
 * server's current record, read once. Nothing here validates: the template does before it
 * calls.
 */
final class RecordExchanges {

	private final Dialect dialect;

	private final ResourceUrls urls;

	private final ExchangeExecutor executor;

	private final RecordBodies bodies;

	private final boolean idempotencyKeys;

	/**
	 * The exchanges of a client.
	 * @param idempotencyKeys whether every create carries an idempotency key
	 */
	RecordExchanges(Dialect dialect, ResourceUrls urls, ExchangeExecutor executor, RecordBodies bodies,
			boolean idempotencyKeys) {
		this.dialect = dialect;
		this.urls = urls;
		this.executor = executor;
		this.bodies = bodies;
		this.idempotencyKeys = idempotencyKeys;
	}

	/**
	 * A record by id, into an instance when an update of one is given.
	 */
	<T> Mono<T> read(ApiPersistentEntity<T> entity, Object id, @Nullable InPlaceUpdate<T> into, String operation) {
		Exchange exchange = new Exchange(entity, operation, HttpMethod.GET, this.urls.record(entity, id), null, true);
		return this.executor.execute(exchange, this.bodies.record(entity, into, id));
	}

	/**
	 * A {@code POST} of a record's JSON, the answer decoded into an instance when an
	 * update of one is given.
	 */
	<T> Mono<T> create(ApiPersistentEntity<T> entity, byte[] json, @Nullable InPlaceUpdate<T> into) {
		// One key per logical create, the same on every attempt.
		String key = this.idempotencyKeys ? UUID.randomUUID().toString() : null;
		Exchange exchange = new Exchange(entity, "create", HttpMethod.POST, this.urls.collection(entity),
				this.bodies.body(entity, json, null), false, key, null);
		return this.executor.execute(exchange, this.bodies.record(entity, into, null));
	}

	/**
	 * The whole instance, with the dialect's replace method, the answer decoded into it
	 * when an update of it is given.
	 */
	<T> Mono<T> replace(ApiPersistentEntity<T> entity, T object, Object id, @Nullable String ifMatch,
			@Nullable InPlaceUpdate<T> into) {
		Exchange exchange = new Exchange(entity, "update", this.dialect.replaceMethod(), this.urls.record(entity, id),
				this.bodies.body(entity, entity.getCodec().writeRecord(object), id), true, null, ifMatch);
		return conditional(entity, id, this.executor.execute(exchange, this.bodies.written(entity, object, into, id)));
	}

	/**
	 * A {@code PATCH} of some fields of an instance, with their values in it.
	 * @param fields the fields, by API or Java name
	 * @param into the update of the instance in place, {@code null} when it is immutable
	 */
	<T> Mono<T> patch(ApiPersistentEntity<T> entity, T object, Object id, String[] fields, @Nullable String ifMatch,
			@Nullable InPlaceUpdate<T> into) {
		Map<String, Object> all = entity.getCodec().toMap(object);
		Map<String, Object> values = new LinkedHashMap<>();
		for (String field : fields) {
			String name = entity.getWireName(field);
			values.put(name, all.get(name));
		}
		Exchange exchange = new Exchange(entity, "partial_update", HttpMethod.PATCH, this.urls.record(entity, id),
				this.bodies.body(entity, entity.getCodec().writeFields(values), id), true, null, ifMatch);
		return conditional(entity, id, this.executor.execute(exchange, this.bodies.written(entity, object, into, id)));
	}

	/**
	 * A {@code PATCH} of some fields of a record by id, unconditional.
	 */
	<T> Mono<T> patch(ApiPersistentEntity<T> entity, Object id, Map<String, ?> fields) {
		Exchange exchange = new Exchange(entity, "partial_update", HttpMethod.PATCH, this.urls.record(entity, id),
				this.bodies.body(entity, entity.getCodec().writeFields(fields), id), true);
		return this.executor.execute(exchange, this.bodies.record(entity, null, id));
	}

	/**
	 * A {@code DELETE} of an instance, conditional.
	 */
	Mono<Void> delete(ApiPersistentEntity<?> entity, Object id, @Nullable String ifMatch) {
		Exchange exchange = new Exchange(entity, "delete", HttpMethod.DELETE, this.urls.record(entity, id), null, true,
				null, ifMatch);
		return conditional(entity, id, this.executor.execute(exchange, null).then());
	}

	/**
	 * A {@code DELETE} of a record by id, unconditional.
	 */
	Mono<Void> deleteById(ApiPersistentEntity<?> entity, Object id) {
		Exchange exchange = new Exchange(entity, "delete", HttpMethod.DELETE, this.urls.record(entity, id), null, true);
		return this.executor.execute(exchange, null).then();
	}

	/**
	 * The status of a {@code GET} of a path under the base URL, for health checks.
	 */
	Mono<Integer> probe(String path) {
		return Mono.defer(() -> this.executor.probe(this.urls.path(path)));
	}

	/**
	 * A conditional write whose 412 carries the server's current record, read once.
	 */
	private <T, R> Mono<R> conditional(ApiPersistentEntity<T> entity, Object id, Mono<R> write) {
		return write.onErrorResume(PreconditionFailedException.class, (conflict) -> read(entity, id, null, "get")
			.<R>flatMap((current) -> Mono.error(conflict.withCurrent(current)))
			.onErrorResume((failure) -> failure != conflict && !(failure instanceof PreconditionFailedException),
					(failure) -> Mono.error(conflict)));
	}

}
