package dev.apiorm.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongConsumer;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.WebClient;

import dev.apiorm.Pagination;
import dev.apiorm.core.mapping.ApiEntityCodec;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.observation.ApiExchangeObservationConvention;
import dev.apiorm.core.observation.DefaultApiExchangeObservationConvention;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.PageContext;
import dev.apiorm.dialect.PageLayout;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.RecordType;
import dev.apiorm.dialect.RecordsReader;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.exception.PreconditionFailedException;
import dev.apiorm.query.QueryDefinition;
import dev.apiorm.query.RecordFields;
import dev.apiorm.schema.SchemaCheck;

/**
 * The standard {@link ReactiveApiOperations} of one client, on WebClient: the dialect
 * writes queries and reads pages, the models' codecs decode records straight from the
 * network buffers, and every exchange is observed as {@code api.orm.requests}.
 */
public class ReactiveApiTemplate implements ReactiveApiOperations {

	private static final RecordsReader<Boolean> SKIP = ApiEntityCodec::skipRecords;

	private final ApiClientSettings settings;

	private final Dialect dialect;

	private final ApiMappingContext mappingContext;

	private final ModelValidator validator;

	private final JsonMapper jsonMapper;

	private final ResourceUrls urls;

	private final ExchangeExecutor executor;

	private final @Nullable SchemaCheck schemaCheck;

	private final ChangeTracker tracker = new ChangeTracker();

	private final boolean tracking;

	/**
	 * The entities this template has served, so that a call costs one map lookup, not the
	 * mapping context's checks, type cache and lock.
	 */
	private final Map<Class<?>, ApiPersistentEntity<?>> entities = new ConcurrentHashMap<>();

	/**
	 * The paging each endpoint has shown, where it differs from the configured one.
	 */
	private final Map<ApiPersistentEntity<?>, PagingProfile> paging = new ConcurrentHashMap<>();

	/**
	 * A template with no validation and no observations.
	 * @param settings the client's settings
	 * @param webClient the client's WebClient (base URL, token and pool applied)
	 * @param dialect the API's convention
	 * @param mappingContext where the models come from
	 */
	public ReactiveApiTemplate(ApiClientSettings settings, WebClient webClient, Dialect dialect,
			ApiMappingContext mappingContext) {
		this(settings, webClient, dialect, mappingContext, ModelValidator.of(null), ObservationRegistry.NOOP,
				new DefaultApiExchangeObservationConvention(), null);
	}

	/**
	 * A template.
	 * @param settings the client's settings
	 * @param webClient the client's WebClient (base URL, token and pool applied)
	 * @param dialect the API's convention
	 * @param mappingContext where the models come from
	 * @param validator checks instances before they are written
	 * @param observationRegistry observes every exchange
	 * @param convention names and tags the observations
	 * @param schemaCheck checks queries against the API's OpenAPI document, {@code null}
	 * for none
	 */
	public ReactiveApiTemplate(ApiClientSettings settings, WebClient webClient, Dialect dialect,
			ApiMappingContext mappingContext, ModelValidator validator, ObservationRegistry observationRegistry,
			ApiExchangeObservationConvention convention, @Nullable SchemaCheck schemaCheck) {
		Assert.notNull(settings, "settings must not be null");
		Assert.notNull(webClient, "webClient must not be null");
		Assert.notNull(dialect, "dialect must not be null");
		Assert.notNull(mappingContext, "mappingContext must not be null");
		Assert.notNull(validator, "validator must not be null");
		Assert.notNull(observationRegistry, "observationRegistry must not be null");
		Assert.notNull(convention, "convention must not be null");
		this.settings = settings;
		this.dialect = dialect;
		this.mappingContext = mappingContext;
		this.validator = validator;
		this.jsonMapper = mappingContext.getJsonMapper();
		this.urls = new ResourceUrls(settings.baseUrl(), dialect);
		this.executor = new ExchangeExecutor(settings, webClient, dialect, this.urls, observationRegistry, convention);
		this.schemaCheck = schemaCheck;
		this.tracking = settings.writes().saveChangedFields() || settings.writes().optimisticLocking();
	}

	/**
	 * How many instances this template remembers (for their changes and ETags); those the
	 * application dropped are forgotten.
	 * @return the number of tracked instances
	 */
	public int trackedInstances() {
		return this.tracker.size();
	}

	@Override
	public Optional<SchemaCheck> getSchemaCheck() {
		return Optional.ofNullable(this.schemaCheck);
	}

	@Override
	public ApiClientSettings getSettings() {
		return this.settings;
	}

	@Override
	public Dialect getDialect() {
		return this.dialect;
	}

	@Override
	public ApiMappingContext getMappingContext() {
		return this.mappingContext;
	}

	/**
	 * The entity of a model served by this client.
	 * @param type the model class
	 * @param <T> the model type
	 * @return the entity
	 * @throws ConfigurationException when the model is invalid or another client serves
	 * it
	 */
	@SuppressWarnings("unchecked")
	public <T> ApiPersistentEntity<T> getEntity(Class<T> type) {
		ApiPersistentEntity<?> known = this.entities.get(type);
		if (known != null) {
			return (ApiPersistentEntity<T>) known;
		}
		ApiPersistentEntity<T> entity = this.mappingContext.getRequiredEntity(type);
		if (!entity.getClientName().equals(this.settings.name())) {
			throw new ConfigurationException(type.getName() + " is served by the client '" + entity.getClientName()
					+ "', not by '" + this.settings.name() + "'");
		}
		this.entities.put(type, entity);
		return entity;
	}

	@SuppressWarnings("unchecked")
	private <T> ApiPersistentEntity<T> entityOf(T object) {
		Assert.notNull(object, "object must not be null");
		ApiPersistentEntity<?> known = this.entities.get(object.getClass());
		return (known != null) ? (ApiPersistentEntity<T>) known : getEntity((Class<T>) ClassUtils.getUserClass(object));
	}

	@Override
	public <T> Mono<T> get(Object id, Class<T> type) {
		Assert.notNull(id, "id must not be null");
		return Mono.defer(() -> read(getEntity(type), id, null, "get"));
	}

	@Override
	public <T> Mono<T> findById(Object id, Class<T> type) {
		return get(id, type).onErrorResume(DoesNotExistException.class, (ex) -> Mono.empty());
	}

	@Override
	public <T> Flux<T> find(QueryDefinition query, Class<T> type) {
		return PageFlux.records(findPages(query, type));
	}

	@Override
	public <T> Mono<List<T>> findList(QueryDefinition query, Class<T> type) {
		return findPages(query, type).transform(ListLimit.of(this.settings, type.getSimpleName()))
			.collectList()
			.map(ReactiveApiTemplate::concat);
	}

	/**
	 * The records of pages as one list, without copying a single page.
	 */
	private static <R> List<R> concat(List<List<R>> pages) {
		if (pages.size() == 1) {
			return pages.get(0);
		}
		int size = 0;
		for (List<R> page : pages) {
			size += page.size();
		}
		List<R> all = new ArrayList<>(size);
		pages.forEach(all::addAll);
		return all;
	}

	@Override
	public <T> Flux<List<T>> findPages(QueryDefinition query, Class<T> type) {
		return Flux.defer(() -> {
			ApiPersistentEntity<T> entity = getEntity(type);
			return instances(entity, query, null);
		});
	}

	@Override
	public Flux<Map<String, Object>> findValues(QueryDefinition query, Class<?> type) {
		return Flux.defer(() -> {
			ApiPersistentEntity<?> entity = getEntity(type);
			return PageFlux
				.records(pages(entity, "list", query, entity.getCodec()::readMaps, entity.getMapFields(), null));
		});
	}

	@Override
	public <T> Mono<CountedRecords<T>> findCounted(QueryDefinition query, Class<T> type) {
		return Mono.defer(() -> {
			ApiPersistentEntity<T> entity = getEntity(type);
			Long[] total = new Long[1];
			return instances(entity, query, (count) -> total[0] = count).collectList()
				.map(ReactiveApiTemplate::concat)
				.flatMap((records) -> (total[0] != null) ? Mono.just(new CountedRecords<>(records, total[0]))
						: count(entity, query.unsliced()).map((all) -> new CountedRecords<>(records, all)));
		});
	}

	@Override
	public Mono<Long> count(QueryDefinition query, Class<?> type) {
		// A count has no order: the API is not asked to sort.
		return Mono.defer(() -> count(getEntity(type), query.unsliced().orderedBy(List.of())).map(query::windowOf));
	}

	/**
	 * The number of matching records, from the count of a page of one record (which is
	 * checked against the query), or by reading every page when the API gives no count.
	 */
	private <T> Mono<Long> count(ApiPersistentEntity<T> entity, QueryDefinition query) {
		Long[] total = new Long[1];
		RecordsReader<T> reader = entity.getCodec()::readRecords;
		return pages(entity, "count", query.slice(0, 1), reader, entity.getRecordFields(), (count) -> total[0] = count)
			.then(Mono.defer(() -> (total[0] != null) ? Mono.just(total[0])
					: pages(entity, "count", query, SKIP, null, null).map(List::size).reduce(0L, Long::sum)));
	}

	@Override
	public Mono<Boolean> exists(QueryDefinition query, Class<?> type) {
		return Mono.defer(() -> {
			ApiPersistentEntity<?> entity = getEntity(type);
			return pages(entity, "exists", query.slice(0, 1), entity.getCodec()::readMaps, entity.getMapFields(), null)
				.any((page) -> !page.isEmpty());
		});
	}

	/**
	 * The pages of a query's window, each checked against the query when
	 * {@code verify-results} is on, in the paging the endpoint has shown so far.
	 * @param fields the fields of the records, {@code null} when they are not read
	 * @param totals told the count the first page announces, if it does
	 */
	private <R> Flux<List<R>> pages(ApiPersistentEntity<?> entity, String operation, QueryDefinition query,
			RecordsReader<R> reader, @Nullable RecordFields<R> fields, @Nullable LongConsumer totals) {
		return Flux.defer(() -> window(entity, operation, query, reader, fields, totals, paging(entity), true));
	}

	/**
	 * The pages of instances handed out to the caller, each record tracked when saves
	 * send changed fields (a page carries no ETag per record, so optimistic locking alone
	 * has nothing to remember of them).
	 */
	private <T> Flux<List<T>> instances(ApiPersistentEntity<T> entity, QueryDefinition query,
			@Nullable LongConsumer totals) {
		Flux<List<T>> pages = pages(entity, "list", query, entity.getCodec()::readRecords, entity.getRecordFields(),
				totals);
		if (!this.settings.writes().saveChangedFields()) {
			return pages;
		}
		return pages.doOnNext((page) -> this.tracker.trackAll(entity, page));
	}

	private <R> Flux<List<R>> window(ApiPersistentEntity<?> entity, String operation, QueryDefinition query,
			RecordsReader<R> reader, @Nullable RecordFields<R> fields, @Nullable LongConsumer totals,
			PagingProfile paging, boolean mayAdapt) {
		String filter = this.dialect.queryParameters(query.filter(), query.ordering());
		if (this.schemaCheck != null) {
			this.schemaCheck.checkFilter(entity,
					SchemaCheck.parameterNames(this.dialect, query.filter(), query.ordering()));
		}
		int size = pageSize(paging, query);
		Dialect.PageStart start = this.dialect.pageParameters(paging.style(), query.offset(), size);
		String firstUrl = this.urls.collection(entity, filter, start.parameters());
		boolean verify = this.settings.checks().verifyResults();
		ResultVerifier<R> verifier = (verify && fields != null) ? ResultVerifier.of(entity, this.dialect, query, fields)
				: null;
		boolean[] first = { true };
		Flux<List<R>> pages = PageFlux.of(firstUrl, start.skip(), query.offset(), query.limit(),
				(url) -> fetchPage(entity, operation, url, reader).map((page) -> {
					PageResult<R> checked = page;
					if (first[0]) {
						first[0] = false;
						if (totals != null && page.count() != null) {
							totals.accept(page.count());
						}
						if (verify) {
							checked = checkWindow(entity, query, paging, size, start, firstUrl, page, mayAdapt);
						}
					}
					if (verifier != null) {
						verifier.check(checked.records());
					}
					return checked;
				}), (pageUrl, next) -> this.urls.next(entity, pageUrl, next));
		return !mayAdapt ? pages : pages.onErrorResume(PagingChanged.class,
				(changed) -> window(entity, operation, query, reader, fields, totals, changed.paging, false));
	}

	/**
	 * Checks that the first page of a window starts where it was asked, learning the
	 * endpoint's paging from it: a page size the server fixes, or a pagination style
	 * other than the one configured.
	 * @return the page, or the page taken as the whole collection when the server sent it
	 * all at once
	 * @throws PagingChanged when the window must be asked for again in the paging learnt
	 * @throws IgnoredFilterException when the window cannot be made right
	 */
	private <R> PageResult<R> checkWindow(ApiPersistentEntity<?> entity, QueryDefinition query, PagingProfile paging,
			int size, Dialect.PageStart start, String firstUrl, PageResult<R> page, boolean mayAdapt) {
		if (!page.paginated()) {
			return page;
		}
		PageLayout layout = this.dialect.layoutOf(page, firstUrl);
		PagingProfile learnt = learn(paging, layout, size);
		if (!learnt.equals(paging)) {
			this.paging.put(entity, learnt);
		}
		long expected = query.offset() - start.skip();
		Long observed = layout.start();
		if (query.offset() > 0 && linksItself(entity, firstUrl, page)) {
			// At offset 0 that is a loop, which paging ends after the page; here the
			// page is not the one asked for.
			throw ignoredPaging(entity, query, paging, start, "links the page asked for as its own next page");
		}
		boolean moved = observed != null && observed != expected;
		if (observed != null && moved && observed == 0 && page.next() == null) {
			// The server sent the whole collection at once: the client takes the window.
			return page.asWholeCollection();
		}
		Dialect.PageStart again = this.dialect.pageParameters(learnt.style(), query.offset(), pageSize(learnt, query));
		boolean recomputed = !learnt.equals(paging) && again.skip() != start.skip();
		if (!moved && !recomputed) {
			return page;
		}
		if (mayAdapt && !learnt.equals(paging)) {
			throw new PagingChanged(learnt);
		}
		throw ignoredPaging(entity, query, paging, start, "returned a page that starts at record " + observed
				+ ", not at record " + expected + ", and its links show no paging the client can follow");
	}

	private static IgnoredFilterException ignoredPaging(ApiPersistentEntity<?> entity, QueryDefinition query,
			PagingProfile paging, Dialect.PageStart start, String what) {
		String parameter = (paging.style() == Pagination.PAGE_NUMBER) ? "page" : "offset";
		return new IgnoredFilterException(parameter,
				entity.getModelName() + " list: the API ignored the paging asked for (" + start.parameters() + "): it "
						+ what + " to the window [" + query.offset() + ", "
						+ ((query.limit() != null) ? query.offset() + query.limit() : "end")
						+ "); the records are not returned because they are not the window asked for");
	}

	private boolean linksItself(ApiPersistentEntity<?> entity, String url, PageResult<?> page) {
		String next = page.next();
		if (next == null) {
			return false;
		}
		try {
			return ResourceUrls.sameQuery(url, this.urls.next(entity, url, next));
		}
		catch (RuntimeException ex) {
			// A link that must not be followed ends the paging after this page.
			return false;
		}
	}

	private static PagingProfile learn(PagingProfile paging, PageLayout layout, int size) {
		Pagination style = (layout.style() != null && layout.style() != Pagination.NONE) ? layout.style()
				: paging.style();
		Integer fixedSize = paging.fixedSize();
		Integer shown = layout.pageSize();
		if (shown != null && shown > 0 && (shown != size || style != paging.style())) {
			// The server serves its own page size (whatever the size asked for, when the
			// parameter asked by was another style's).
			fixedSize = shown;
		}
		return new PagingProfile(style, fixedSize);
	}

	private PagingProfile paging(ApiPersistentEntity<?> entity) {
		PagingProfile learnt = this.paging.get(entity);
		return (learnt != null) ? learnt : new PagingProfile(pagination(entity), null);
	}

	private <R> Mono<PageResult<R>> fetchPage(ApiPersistentEntity<?> entity, String operation, String url,
			RecordsReader<R> reader) {
		Exchange exchange = new Exchange(entity, operation, HttpMethod.GET, java.net.URI.create(url), null, false);
		RecordType type = recordType(entity);
		return this.executor.execute(exchange, (body, headers) -> {
			try (JsonParser parser = this.jsonMapper.createParser(body)) {
				return this.dialect.readPage(parser, reader, new PageContext(url, headers, type));
			}
		});
	}

	/**
	 * The first page showed a paging other than the one the window was asked in.
	 */
	private static final class PagingChanged extends RuntimeException {

		private final PagingProfile paging;

		PagingChanged(PagingProfile paging) {
			super(null, null, false, false);
			this.paging = paging;
		}

	}

	@Override
	public <T> Mono<T> insert(T object) {
		return Mono.defer(() -> {
			ApiPersistentEntity<T> entity = entityOf(object);
			this.validator.validate(entity, object);
			return create(entity, entity.getCodec().writeRecord(object), inPlace(entity, object));
		});
	}

	@Override
	public <T> Mono<T> insert(Map<String, ?> fields, Class<T> type) {
		Assert.notNull(fields, "fields must not be null");
		return Mono.defer(() -> {
			ApiPersistentEntity<T> entity = getEntity(type);
			this.validator.validate(entity, entity.getCodec().convertValue(fields, type));
			return create(entity, entity.getCodec().writeFields(fields), null);
		});
	}

	@Override
	public <T> Flux<T> insertAll(List<T> objects) {
		Assert.notNull(objects, "objects must not be null");
		if (objects.isEmpty()) {
			return Flux.empty();
		}
		return Flux.defer(() -> {
			ApiPersistentEntity<T> entity = entityOf(objects.get(0));
			for (int i = 0; i < objects.size(); i++) {
				this.validator.validate(entity, objects.get(i), i);
			}
			return new BulkCreator<>(entity, this.settings.writes().bulkConcurrency()).create(objects,
					(object) -> create(entity, entity.getCodec().writeRecord(object), null));
		});
	}

	private <T> Mono<T> create(ApiPersistentEntity<T> entity, byte[] body, @Nullable T target) {
		// One key per logical create, the same on every attempt.
		String key = (this.settings.retry().idempotencyKeyHeader() != null) ? UUID.randomUUID().toString() : null;
		Exchange exchange = new Exchange(entity, "create", HttpMethod.POST, this.urls.collection(entity),
				body(entity, body, null), false, key, null);
		return this.executor.execute(exchange, decoder(entity, target));
	}

	@Override
	public <T> Mono<T> save(T object) {
		return Mono.defer(() -> {
			ApiPersistentEntity<T> entity = entityOf(object);
			ChangeTracker.Snapshot snapshot = this.settings.writes().saveChangedFields() ? this.tracker.snapshot(object)
					: null;
			Object id = entity.getId(object);
			if (id == null || (id instanceof Number number && number.longValue() == 0
					&& entity.getRequiredIdProperty().getType().isPrimitive())) {
				if (snapshot != null) {
					return Mono.error(new ConfigurationException(entity.getModelName() + " was read from the API "
							+ "without an id (the API may keep it in links only): saving it would create a second "
							+ "record. Map the API's id with @ApiModel(idField = ...)"));
				}
				return insert(object);
			}
			if (!this.settings.writes().saveChangedFields()) {
				return replace(object, ifMatch(object));
			}
			if (snapshot == null) {
				// Built by the application: replaced unconditionally.
				return replace(object, null);
			}
			List<String> changed = this.tracker.changedFields(entity, object, snapshot);
			if (changed.isEmpty()) {
				// Nothing changed since it was read: nothing to send.
				return Mono.just(object);
			}
			return patchFields(object, changed.toArray(String[]::new), ifMatchOf(snapshot));
		});
	}

	@Override
	public <T> Mono<T> update(T object) {
		return Mono.defer(() -> replace(object, ifMatch(object)));
	}

	private <T> Mono<T> replace(T object, @Nullable String ifMatch) {
		ApiPersistentEntity<T> entity = entityOf(object);
		Object id = requireId(entity, object, "update");
		this.validator.validate(entity, object);
		Exchange exchange = new Exchange(entity, "update", this.dialect.replaceMethod(), this.urls.record(entity, id),
				body(entity, entity.getCodec().writeRecord(object), id), true, null, ifMatch);
		return conditional(entity, id, this.executor.execute(exchange, writeDecoder(entity, object, id)));
	}

	@Override
	public <T> Mono<T> patch(T object, String... fields) {
		return Mono.defer(() -> patchFields(object, fields, ifMatch(object)));
	}

	private <T> Mono<T> patchFields(T object, String[] fields, @Nullable String ifMatch) {
		ApiPersistentEntity<T> entity = entityOf(object);
		Object id = requireId(entity, object, "partially update");
		List<String> javaNames = Arrays.stream(fields).map(entity::getJavaName).toList();
		this.validator.validateProperties(entity, object, javaNames);
		Map<String, Object> all = entity.getCodec().toMap(object);
		Map<String, Object> values = new LinkedHashMap<>();
		for (String field : fields) {
			String name = entity.getWireName(field);
			values.put(name, all.get(name));
		}
		Exchange exchange = new Exchange(entity, "partial_update", HttpMethod.PATCH, this.urls.record(entity, id),
				body(entity, entity.getCodec().writeFields(values), id), true, null, ifMatch);
		return conditional(entity, id, this.executor.execute(exchange, writeDecoder(entity, object, id)));
	}

	@Override
	public <T> Mono<T> patch(Object id, Map<String, ?> fields, Class<T> type) {
		Assert.notNull(id, "id must not be null");
		Assert.notNull(fields, "fields must not be null");
		return Mono.defer(() -> partialUpdate(getEntity(type), id, fields, null));
	}

	private <T> Mono<T> partialUpdate(ApiPersistentEntity<T> entity, Object id, Map<String, ?> fields,
			@Nullable T target) {
		Exchange exchange = new Exchange(entity, "partial_update", HttpMethod.PATCH, this.urls.record(entity, id),
				body(entity, entity.getCodec().writeFields(fields), id), true);
		return this.executor.execute(exchange, decoder(entity, target, id));
	}

	@Override
	public <T> Mono<T> refresh(T object) {
		return Mono.defer(() -> {
			ApiPersistentEntity<T> entity = entityOf(object);
			return read(entity, requireId(entity, object, "refresh"), inPlace(entity, object), "refresh");
		});
	}

	private <T> Mono<T> read(ApiPersistentEntity<T> entity, Object id, @Nullable T target, String operation) {
		Exchange exchange = new Exchange(entity, operation, HttpMethod.GET, this.urls.record(entity, id), null, true);
		return this.executor.execute(exchange, decoder(entity, target, id));
	}

	@Override
	public Mono<Void> delete(Object object) {
		return Mono.defer(() -> {
			ApiPersistentEntity<Object> entity = entityOf(object);
			Object id = requireId(entity, object, "delete");
			Exchange exchange = new Exchange(entity, "delete", HttpMethod.DELETE, this.urls.record(entity, id), null,
					true, null, ifMatch(object));
			return conditional(entity, id, this.executor.execute(exchange, null).then())
				.doOnSuccess((done) -> this.tracker.forget(object));
		});
	}

	@Override
	public Mono<Void> deleteById(Object id, Class<?> type) {
		Assert.notNull(id, "id must not be null");
		return Mono.defer(() -> remove(getEntity(type), id));
	}

	private Mono<Void> remove(ApiPersistentEntity<?> entity, Object id) {
		Exchange exchange = new Exchange(entity, "delete", HttpMethod.DELETE, this.urls.record(entity, id), null, true);
		return this.executor.execute(exchange, null).then();
	}

	@Override
	public Mono<Integer> probe(String path) {
		return Mono.defer(() -> this.executor.probe(this.urls.path(path)));
	}

	/**
	 * Decodes a record, into the caller's instance when it is mutable (atomically: a body
	 * it cannot hold leaves it as it was), and remembers it with the response's ETag.
	 */
	private <T> BodyDecoder<T> decoder(ApiPersistentEntity<T> entity, @Nullable T target) {
		return decoder(entity, target, null);
	}

	/**
	 * As {@link #decoder(ApiPersistentEntity, Object)}, for a record asked for by id: a
	 * record with another id (a response meant for another request, left on a connection
	 * by a desynchronized server or proxy) is refused before anything is set.
	 */
	private <T> BodyDecoder<T> decoder(ApiPersistentEntity<T> entity, @Nullable T target, @Nullable Object id) {
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
			byte[] bytes = (tree == null && target != null) ? body.readAllBytes() : null;
			T complete = (tree != null) ? codec.read(tree) : (bytes != null) ? codec.read(bytes) : codec.read(body);
			if (complete == null) {
				throw new ApiDecodeException("the body is the JSON literal null, not a record", null);
			}
			Object actual = (expected != null) ? entity.getId(complete) : null;
			if (actual != null && !actual.equals(expected)) {
				throw new ApiDecodeException("the API answered with the record " + entity.getIdWireName() + "=" + actual
						+ ", not the one asked for; it was not used", null);
			}
			T record = complete;
			if (target != null) {
				record = (tree != null) ? codec.update(target, tree)
						: codec.update(target, Objects.requireNonNull(bytes));
			}
			if (this.tracking) {
				this.tracker.track(entity, record, etag);
			}
			return record;
		};
	}

	/**
	 * The {@code If-Match} of a write of an instance: its strong ETag, when one was read
	 * and optimistic locking is on.
	 */
	private @Nullable String ifMatch(Object object) {
		return this.settings.writes().optimisticLocking() ? ifMatchOf(this.tracker.snapshot(object)) : null;
	}

	private @Nullable String ifMatchOf(ChangeTracker.@Nullable Snapshot snapshot) {
		return (this.settings.writes().optimisticLocking() && snapshot != null) ? snapshot.strongEtag() : null;
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

	/**
	 * The decoder of the answer to a write of an instance: a {@code 204 No Content} means
	 * the API took the instance as sent.
	 */
	private <T> BodyDecoder<T> writeDecoder(ApiPersistentEntity<T> entity, T object, Object id) {
		return decoder(entity, inPlace(entity, object), id).orNoContent((headers) -> {
			if (this.tracking) {
				this.tracker.track(entity, object, headers.getETag());
			}
			return object;
		});
	}

	/**
	 * The body that writes a record's JSON, in the dialect's envelope when it has one.
	 */
	private byte[] body(ApiPersistentEntity<?> entity, byte[] json, @Nullable Object id) {
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

	private static <T> @Nullable T inPlace(ApiPersistentEntity<T> entity, T object) {
		return entity.isMutable() ? object : null;
	}

	private static <T> Object requireId(ApiPersistentEntity<T> entity, T object, String operation) {
		Object id = entity.getId(object);
		if (id == null) {
			throw new IllegalArgumentException(
					"Cannot " + operation + " a " + entity.getModelName() + " that has no id (it was never saved)");
		}
		return id;
	}

	private Pagination pagination(ApiPersistentEntity<?> entity) {
		return (entity.getPagination() != Pagination.CLIENT_DEFAULT) ? entity.getPagination()
				: this.settings.paging().pagination();
	}

	private int pageSize(PagingProfile paging, QueryDefinition query) {
		Integer fixed = paging.fixedSize();
		if (fixed != null && paging.style() == Pagination.PAGE_NUMBER) {
			// Page numbers count in the server's pages.
			return fixed;
		}
		int size = (fixed != null) ? Math.min(fixed, this.settings.paging().pageSize())
				: this.settings.paging().pageSize();
		Long limit = query.limit();
		if (limit != null && limit < size && (paging.style() == Pagination.LIMIT_OFFSET || query.offset() == 0)) {
			// One record cannot show an ordering the server ignored: ask for two.
			boolean checkOrder = limit == 1 && this.settings.checks().verifyResults() && !query.ordering().isEmpty();
			return (int) Math.max(checkOrder ? 2 : 1, limit);
		}
		return size;
	}

	@Override
	public String toString() {
		return "ReactiveApiTemplate[" + this.settings.name() + " " + this.settings.displayUrl() + "]";
	}

}
