package dev.apiorm.core;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.apiorm.core.mapping.ApiEntityCodec;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.PageContext;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.RecordType;
import dev.apiorm.dialect.RecordsReader;
import dev.apiorm.exception.ApiDecodeException;

/**
 * The bodies of one client's exchanges, in its dialect's envelopes: the body a write
 * sends, and the decoders of what the API answers (a record, into the caller's instance
 * when it is mutable; a page of records). A record decoded is remembered by the change
 * tracker with the response's {@code ETag}, when the client tracks instances.
 */
final class RecordBodies {

	private final Dialect dialect;

	private final JsonMapper jsonMapper;

	private final @Nullable ChangeTracker tracker;

	/**
	 * The bodies of a client.
	 * @param tracker remembers decoded records, {@code null} when the client tracks none
	 */
	RecordBodies(Dialect dialect, JsonMapper jsonMapper, @Nullable ChangeTracker tracker) {
		this.dialect = dialect;
		this.jsonMapper = jsonMapper;
		this.tracker = tracker;
	}

	/**
	 * The decoder of a record, into the caller's instance when an update of it is given
	 * (atomically: a body it cannot hold leaves it as it was). Asked for by id, a record
	 * with another id (a response meant for another request, left on a connection by a
	 * desynchronized server or proxy) is refused before anything is set.
	 * @param into the update of the instance in place, {@code null} for a new instance
	 * @param id the id asked for, {@code null} for a create
	 */
	<T> BodyDecoder<T> record(ApiPersistentEntity<T> entity, @Nullable InPlaceUpdate<T> into, @Nullable Object id) {
		ApiEntityCodec<T> codec = entity.getCodec();
		Object expected = (id != null) ? entity.convertId(id) : null;
		RecordType type = recordType(entity);
		return (body, headers) -> {
			String etag = headers.getETag();
			// Into a new instance straight from the network buffer; for an in-place
			// update the bytes are kept to set the target's fields once they all
			// decoded. A record in an envelope is taken out of it as a tree.
			JsonNode tree = this.dialect.wrapsRecords()
					? this.dialect.unwrapRecord(this.jsonMapper.readTree(body), type) : null;
			byte[] bytes = (tree == null && into != null) ? body.readAllBytes() : null;
			T complete = (tree != null) ? codec.read(tree) : (bytes != null) ? codec.read(bytes) : codec.read(body);
			if (complete == null) {
				throw new ApiDecodeException("the body is the JSON literal null, not a record", null);
			}
			Object actual = (expected != null) ? entity.getId(complete) : null;
			if (actual != null && !actual.equals(expected)) {
				throw new ApiDecodeException("the API answered with the record " + entity.getIdWireName() + "=" + actual
						+ ", not the one asked for; it was not used", null);
			}
			if (into == null) {
				if (this.tracker != null) {
					this.tracker.track(entity, complete, etag);
				}
				return complete;
			}
			long[] held;
			if (bytes != null) {
				held = into.apply(complete, bytes, this.jsonMapper);
			}
			else if (tree instanceof ObjectNode fields) {
				held = into.apply(complete, fields);
			}
			else {
				throw new ApiDecodeException("the record is not a JSON object", null);
			}
			if (this.tracker != null) {
				this.tracker.remember(into.target(), held, etag);
			}
			return into.target();
		};
	}

	/**
	 * The decoder of the answer to a write of an instance: a {@code 204 No Content} means
	 * the API took the instance as sent.
	 * @param into the update of the instance in place, {@code null} when it is immutable
	 */
	<T> BodyDecoder<T> written(ApiPersistentEntity<T> entity, T object, @Nullable InPlaceUpdate<T> into, Object id) {
		return record(entity, into, id).orNoContent((headers) -> {
			if (this.tracker != null) {
				if (into != null) {
					this.tracker.remember(object, into.noContent(), headers.getETag());
				}
				else {
					this.tracker.track(entity, object, headers.getETag());
				}
			}
			return object;
		});
	}

	/**
	 * The decoder of a page of records.
	 * @param url the URL the page was asked for
	 * @param records reads the page's records
	 */
	<R> BodyDecoder<PageResult<R>> page(ApiPersistentEntity<?> entity, String url, RecordsReader<R> records) {
		RecordType type = recordType(entity);
		return (body, headers) -> {
			try (JsonParser parser = this.jsonMapper.createParser(body)) {
				return this.dialect.readPage(parser, records, new PageContext(url, headers, type));
			}
		};
	}

	/**
	 * The body that writes a record's JSON, in the dialect's envelope when it has one.
	 * @param json the record's fields as the model's codec wrote them
	 * @param id the record's id, {@code null} for a create
	 */
	byte[] body(ApiPersistentEntity<?> entity, byte[] json, @Nullable Object id) {
		if (!this.dialect.wrapsRecords()) {
			return json;
		}
		JsonNode fields = this.jsonMapper.readTree(json);
		if (!(fields instanceof ObjectNode record)) {
			throw new ApiDecodeException(entity.getModelName() + " is not written as a JSON object", null);
		}
		return this.jsonMapper.writeValueAsBytes(this.dialect.wrapRecord(record, recordType(entity), id));
	}

	private static RecordType recordType(ApiPersistentEntity<?> entity) {
		return new RecordType(entity.getEndpoint(), entity.getIdWireName());
	}

}
