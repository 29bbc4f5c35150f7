package dev.apiorm.core.proof;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.apiorm.Pagination;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.page.PageSource;
import dev.apiorm.core.page.WindowRead;
import dev.apiorm.core.page.WindowReader;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.exception.NotFoundException;
import dev.apiorm.query.QueryDefinition;

/**
 * What one client knows and can prove of the parameters its API honours: the
 * {@link ParameterVerdicts} it reached and the {@link ParameterProof} of each model,
 * whose reads go through the client's own {@link WindowReader} (checked like every
 * answer, but never proven again). A count the API announces is believed only for a query
 * whose every parameter is proven ({@link #trusts}); the client verifies the records of
 * any other.
 */
public final class ParameterProofs {

	/** The operation of a proof's own reads, as metrics and messages name it. */
	public static final String OPERATION = "proof";

	private final ParameterVerdicts verdicts = new ParameterVerdicts();

	private final Map<ApiPersistentEntity<?>, ParameterProof> proofs = new ConcurrentHashMap<>();

	private final Dialect dialect;

	private final PageSource source;

	private final Supplier<WindowReader> reader;

	private final Pagination pagination;

	private final int pageSize;

	private final boolean enabled;

	/**
	 * The proofs of one client.
	 * @param dialect the client's dialect
	 * @param source reads the bare collection
	 * @param reader the client's window reader, for the proofs' reads
	 * @param pagination the client's pagination, for the names of window parameters
	 * @param pageSize the client's page size
	 * @param enabled whether results are verified at all ({@code api-orm.verify-results})
	 */
	public ParameterProofs(Dialect dialect, PageSource source, Supplier<WindowReader> reader, Pagination pagination,
			int pageSize, boolean enabled) {
		Assert.notNull(dialect, "dialect must not be null");
		Assert.notNull(source, "source must not be null");
		Assert.notNull(reader, "reader must not be null");
		Assert.notNull(pagination, "pagination must not be null");
		this.dialect = dialect;
		this.source = source;
		this.reader = reader;
		this.pagination = pagination;
		this.pageSize = pageSize;
		this.enabled = enabled;
	}

	/**
	 * Whether empty answers are proven and counts held to proven parameters.
	 * @return {@code false} when results are not verified
	 */
	public boolean enabled() {
		return this.enabled;
	}

	/**
	 * The verdicts reached so far.
	 * @return the verdicts
	 */
	public ParameterVerdicts verdicts() {
		return this.verdicts;
	}

	/**
	 * Whether a count the API announces for a query can be believed: results are not
	 * verified, the query sends no filter, or each of its filter parameters is proven
	 * honoured.
	 * @param entity the model
	 * @param query the query, without its ordering
	 * @return {@code true} when the announced count is believed
	 */
	public boolean trusts(ApiPersistentEntity<?> entity, QueryDefinition query) {
		return !this.enabled || query.filter() == null || proof(entity).isProven(query.orderedBy(List.of()));
	}

	/**
	 * The proof of a model's queries.
	 * @param entity the model
	 * @return the proof
	 */
	public ParameterProof proof(ApiPersistentEntity<?> entity) {
		return this.proofs.computeIfAbsent(entity, this::newProof);
	}

	private ParameterProof newProof(ApiPersistentEntity<?> entity) {
		return new ParameterProof(entity.getModelName(), entity.getEndpoint(), this.dialect, entity.getMapFields(),
				this.verdicts, new Reads(entity));
	}

	private Pagination pagination(ApiPersistentEntity<?> entity) {
		return (entity.getPagination() != Pagination.CLIENT_DEFAULT) ? entity.getPagination() : this.pagination;
	}

	/**
	 * The reads of one model's proof.
	 */
	private final class Reads implements ParameterProof.Reader {

		private final ApiPersistentEntity<?> entity;

		Reads(ApiPersistentEntity<?> entity) {
			this.entity = entity;
		}

		@Override
		public Mono<List<Map<String, Object>>> read(QueryDefinition query) {
			return ParameterProofs.this.reader.get()
				.pages(new WindowRead<>(this.entity, OPERATION, query, this.entity.getMapFields(), false),
						this.entity.getCodec()::readMaps, null)
				.collectList()
				.map(WindowReader::concat);
		}

		@Override
		public Mono<List<Map<String, Object>>> readBare() {
			PageSource pages = ParameterProofs.this.source;
			return pages
				.fetch(this.entity, OPERATION, pages.collectionUrl(this.entity), this.entity.getCodec()::readMaps)
				.map(PageResult::records)
				// An API that answers an empty list with 404 answers so for an empty
				// collection too: nothing it holds can show a parameter ignored.
				.onErrorResume(NotFoundException.class, (notFound) -> Mono.just(List.of()));
		}

		@Override
		public String pagingParameters(QueryDefinition query) {
			String parameters = ParameterProofs.this.dialect
				.pageParameters(pagination(this.entity), query.offset(), ParameterProofs.this.pageSize)
				.parameters();
			StringBuilder names = new StringBuilder();
			for (String parameter : parameters.split("&")) {
				if (!parameter.isEmpty()) {
					int equals = parameter.indexOf('=');
					names.append((names.length() > 0) ? "," : "")
						.append((equals >= 0) ? parameter.substring(0, equals) : parameter);
				}
			}
			return names.toString();
		}

	}

}
