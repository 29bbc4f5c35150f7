package dev.apiorm.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mapping.callback.EntityCallbacks;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.observation.ApiExchangeObservationConvention;
import dev.apiorm.core.observation.DefaultApiExchangeObservationConvention;
import dev.apiorm.core.page.LearntPaging;
import dev.apiorm.core.page.PageStage;
import dev.apiorm.core.page.RelatedResultsVerificationStage;
import dev.apiorm.core.page.TallyStage;
import dev.apiorm.core.page.VerificationStage;
import dev.apiorm.core.page.WindowReader;
import dev.apiorm.core.proof.ParameterProofStage;
import dev.apiorm.core.proof.ParameterProofs;
import dev.apiorm.core.relation.RelatedRecords;
import dev.apiorm.core.relation.RelationStage;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.query.QueryDefinition;
import dev.apiorm.schema.SchemaCheck;

/**
 * The standard {@link ReactiveApiOperations} of one client, on WebClient: a facade over a
 * {@link WindowReader} (windows read page by page through the page stages: result
 * verification and change tracking), the {@link RecordExchanges} of single records, and
 * the {@link SavePlan} that decides how a save goes out. The dialect writes queries and
 * reads pages; every exchange is observed as {@code api.orm.requests}.
 */
public class ReactiveApiTemplate implements ReactiveApiOperations {

	private final ApiClientSettings settings;

	private final Dialect dialect;

	private final ApiMappingContext mappingContext;

	private final @Nullable SchemaCheck schemaCheck;

	private final ChangeTracker tracker = new ChangeTracker();

	private final WindowReader reader;

	private final RecordExchanges records;

	private final RecordWriter writer;

	private final @Nullable EntityCallbacks callbacks;

	private final ClientEntities entities;

	private final RelatedRecords related;

	private volatile @Nullable Function<Class<?>, ReactiveApiOperations> otherClients;

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
	 * A template whose pages pass through the standard stages only.
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
		this(settings, webClient, dialect, mappingContext, validator, observationRegistry, convention, schemaCheck,
				List.of(), List.of());
	}

	/**
	 * A template whose requests pass through the application's exchange policies and
	 * whose pages pass through more page stages.
	 * @param settings the client's settings
	 * @param webClient the client's WebClient (base URL, token and pool applied)
	 * @param dialect the API's convention
	 * @param mappingContext where the models come from
	 * @param validator checks instances before they are written
	 * @param observationRegistry observes every exchange
	 * @param convention names and tags the observations
	 * @param schemaCheck checks queries against the API's OpenAPI document, {@code null}
	 * for none
	 * @param exchangePolicies the application's policies around every request, in order
	 * @param stages the page stages that follow the built-in ones, in order
	 */
	public ReactiveApiTemplate(ApiClientSettings settings, WebClient webClient, Dialect dialect,
			ApiMappingContext mappingContext, ModelValidator validator, ObservationRegistry observationRegistry,
			ApiExchangeObservationConvention convention, @Nullable SchemaCheck schemaCheck,
			List<? extends ExchangePolicy> exchangePolicies, List<PageStage> stages) {
		this(settings, webClient, dialect, mappingContext, validator, observationRegistry, convention, schemaCheck,
				exchangePolicies, stages, null);
	}

	/**
	 * A template as above whose writes first pass through the application's
	 * {@link BeforeSaveCallback entity callbacks} (auditing).
	 * @param settings the client's settings
	 * @param webClient the client's WebClient (base URL, token and pool applied)
	 * @param dialect the API's convention
	 * @param mappingContext where the models come from
	 * @param validator checks instances before they are written
	 * @param observationRegistry observes every exchange
	 * @param convention names and tags the observations
	 * @param schemaCheck checks queries against the API's OpenAPI document, {@code null}
	 * for none
	 * @param exchangePolicies the application's policies around every request, in order
	 * @param stages the page stages that follow the built-in ones, in order
	 * @param callbacks the callbacks called before every create and save, {@code null}
	 * for none
	 */
	public ReactiveApiTemplate(ApiClientSettings settings, WebClient webClient, Dialect dialect,
			ApiMappingContext mappingContext, ModelValidator validator, ObservationRegistry observationRegistry,
			ApiExchangeObservationConvention convention, @Nullable SchemaCheck schemaCheck,
			List<? extends ExchangePolicy> exchangePolicies, List<PageStage> stages,
			@Nullable EntityCallbacks callbacks) {
		this.callbacks = callbacks;
		Assert.notNull(settings, "settings must not be null");
		Assert.notNull(webClient, "webClient must not be null");
		Assert.notNull(dialect, "dialect must not be null");
		Assert.notNull(mappingContext, "mappingContext must not be null");
		Assert.notNull(validator, "validator must not be null");
		Assert.notNull(observationRegistry, "observationRegistry must not be null");
		Assert.notNull(convention, "convention must not be null");
		Assert.noNullElements(exchangePolicies, "exchangePolicies must not contain null");
		Assert.notNull(stages, "stages must not be null");
		this.settings = settings;
		this.dialect = dialect;
		this.mappingContext = mappingContext;
		this.entities = new ClientEntities(mappingContext, settings.name());
		this.schemaCheck = schemaCheck;
		SavePlan.Flags saves = new SavePlan.Flags(settings.writes().saveChangedFields(),
				settings.writes().optimisticLocking());
		ResourceUrls urls = new ResourceUrls(settings.baseUrl(), dialect);
		ExchangeExecutor executor = new ExchangeExecutor(settings, webClient, dialect, urls, observationRegistry,
				convention, exchangePolicies);
		RecordBodies bodies = new RecordBodies(dialect, mappingContext.getJsonMapper(),
				saves.tracking() ? this.tracker : null);
		this.records = new RecordExchanges(dialect, urls, executor, bodies,
				settings.retry().idempotencyKeyHeader() != null);
		this.writer = new RecordWriter(validator, this.tracker, saves, this.records,
				settings.writes().bulkConcurrency());
		// Results are verified, windows tallied and empty answers proven before anything
		// is tracked, and all of it before later stages.
		boolean verify = settings.checks().verifyResults();
		ClientPageSource source = new ClientPageSource(urls, executor, bodies);
		ParameterProofs proofs = new ParameterProofs(dialect, source, this::windowReader,
				settings.paging().pagination(), settings.paging().pageSize(), verify);
		// Related records are fetched for verified records and put in place (in copies of
		// immutable ones) before the instances handed out are tracked.
		this.related = new RelatedRecords(mappingContext, this::relatedOperations);
		List<PageStage> all = Stream.concat(Stream.of(new VerificationStage(dialect, verify),
				new TallyStage(dialect, verify), new ParameterProofStage(dialect, proofs),
				new RelationStage(this.related), new RelatedResultsVerificationStage(dialect, verify),
				new TrackingStage(this.tracker, settings.writes().saveChangedFields())), stages.stream())
			.toList();
		this.reader = new WindowReader(source, dialect,
				new WindowReader.Paging(settings.paging().pagination(), settings.paging().pageSize(), verify),
				schemaCheck, all, proofs::trusts);
	}

	/**
	 * The operations that serve a related model: this client's, or those of the client
	 * that serves it when {@link ApiTemplates} told this template where the others are.
	 */
	private ReactiveApiOperations relatedOperations(Class<?> type) {
		Function<Class<?>, ReactiveApiOperations> others = this.otherClients;
		if (this.entities.serves(type) || others == null) {
			getEntity(type);
			return this;
		}
		return others.apply(type);
	}

	/**
	 * Lets this client's relations reach models that other clients serve: their related
	 * records are fetched through those clients (their base URL, credentials, dialect and
	 * policies).
	 * @param operations the operations of the client that serves a model
	 */
	public void relateAcrossClients(Function<Class<?>, ReactiveApiOperations> operations) {
		Assert.notNull(operations, "operations must not be null");
		this.otherClients = operations;
	}

	@Override
	public RelatedRecords getRelatedRecords() {
		return this.related;
	}

	/**
	 * How many instances this template remembers (for their changes and ETags); those the
	 * application dropped are forgotten.
	 * @return the number of tracked instances
	 */
	public int trackedInstances() {
		return this.tracker.size();
	}

	/**
	 * How the endpoints this client has read page, where that differs from its
	 * configuration: what it learnt from their first pages.
	 * @return the paging learnt, in the order of the models' names
	 */
	public List<LearntPaging> learntPaging() {
		return this.reader.learntPaging();
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

	@Override
	public String queryParameters(QueryDefinition query) {
		return this.reader.queryParameters(query);
	}

	/**
	 * The entity of a model served by this client.
	 * @param type the model class
	 * @param <T> the model type
	 * @return the entity
	 * @throws ConfigurationException when the model is invalid or another client serves
	 * it
	 */
	public <T> ApiPersistentEntity<T> getEntity(Class<T> type) {
		return this.entities.of(type);
	}

	@Override
	public <T> Mono<T> get(Object id, Class<T> type) {
		Assert.notNull(id, "id must not be null");
		return Mono.defer(() -> this.records.read(getEntity(type), id, null, "get"));
	}

	@Override
	public <T> Mono<T> findById(Object id, Class<T> type) {
		return get(id, type).onErrorResume(DoesNotExistException.class, (ex) -> Mono.empty());
	}

	@Override
	public <T> Flux<T> find(QueryDefinition query, Class<T> type) {
		return WindowReader.records(findPages(query, type));
	}

	@Override
	public <T> Mono<List<T>> findList(QueryDefinition query, Class<T> type) {
		return findPages(query, type).transform(ListLimit.of(this.settings, type.getSimpleName()))
			.collectList()
			.map(WindowReader::concat);
	}

	@Override
	public <T> Flux<List<T>> findPages(QueryDefinition query, Class<T> type) {
		return Flux.defer(() -> this.reader.instances(getEntity(type), query, null));
	}

	@Override
	public Flux<Map<String, Object>> findValues(QueryDefinition query, Class<?> type) {
		return Flux.defer(() -> this.reader.values(getEntity(type), query));
	}

	@Override
	public <T> Mono<CountedRecords<T>> findCounted(QueryDefinition query, Class<T> type) {
		return Mono.defer(() -> this.reader.counted(getEntity(type), query, CountedRecords::new));
	}

	@Override
	public Mono<Long> count(QueryDefinition query, Class<?> type) {
		// A count has no order: the API is not asked to sort.
		return Mono.defer(
				() -> this.reader.count(getEntity(type), query.unsliced().orderedBy(List.of())).map(query::windowOf));
	}

	@Override
	public Mono<Boolean> exists(QueryDefinition query, Class<?> type) {
		return Mono.defer(() -> this.reader.exists(getEntity(type), query));
	}

	@Override
	public <T> Mono<T> insert(T object) {
		return Mono.defer(() -> {
			T prepared = beforeSave(object);
			return this.writer.insert(this.entities.ofInstance(prepared), prepared);
		});
	}

	@Override
	public <T> Mono<T> insert(Map<String, ?> fields, Class<T> type) {
		Assert.notNull(fields, "fields must not be null");
		return Mono.defer(() -> this.writer.insert(getEntity(type), fields));
	}

	@Override
	public <T> Flux<T> insertAll(List<T> objects) {
		Assert.notNull(objects, "objects must not be null");
		return objects.isEmpty() ? Flux.empty() : Flux.defer(() -> {
			List<T> prepared = objects.stream().map(this::beforeSave).toList();
			return this.writer.insertAll(this.entities.ofInstance(prepared.get(0)), prepared);
		});
	}

	@Override
	public <T> Mono<T> save(T object) {
		return Mono.defer(() -> {
			T prepared = beforeSave(object);
			return this.writer.save(this.entities.ofInstance(prepared), prepared);
		});
	}

	private <T> T beforeSave(T object) {
		return (this.callbacks != null) ? this.callbacks.callback(BeforeSaveCallback.class, object) : object;
	}

	@Override
	public <T> Mono<T> update(T object) {
		return Mono.defer(() -> this.writer.update(this.entities.ofInstance(object), object));
	}

	@Override
	public <T> Mono<T> patch(T object, String... fields) {
		return Mono.defer(() -> this.writer.patch(this.entities.ofInstance(object), object, fields));
	}

	@Override
	public <T> Mono<T> patch(Object id, Map<String, ?> fields, Class<T> type) {
		Assert.notNull(id, "id must not be null");
		Assert.notNull(fields, "fields must not be null");
		return Mono.defer(() -> this.records.patch(getEntity(type), id, fields));
	}

	@Override
	public <T> Mono<T> refresh(T object) {
		return Mono.defer(() -> this.writer.refresh(this.entities.ofInstance(object), object));
	}

	@Override
	public Mono<Void> delete(Object object) {
		return Mono.defer(() -> this.writer.delete(this.entities.ofInstance(object), object));
	}

	@Override
	public Mono<Void> deleteById(Object id, Class<?> type) {
		Assert.notNull(id, "id must not be null");
		return Mono.defer(() -> this.records.deleteById(getEntity(type), id));
	}

	@Override
	public Mono<Integer> probe(String path) {
		return this.records.probe(path);
	}

	private WindowReader windowReader() {
		return this.reader;
	}

	@Override
	public String toString() {
		return "ReactiveApiTemplate[" + this.settings.name() + " " + this.settings.displayUrl() + "]";
	}

}
