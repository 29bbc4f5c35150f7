package dev.apiorm.core.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.apiorm.Q;
import dev.apiorm.core.proof.ParameterVerdicts.Verdict;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.query.QueryDefinition;
import dev.apiorm.query.RecordFields;

/**
 * Proves, before an empty answer (or a count) is believed, that the API honours each
 * parameter the query sent. Records can show that an API ignored a parameter only when it
 * returns some: an API that reads an unknown parameter as a filter on a field of that
 * name (Feathers, json-server, many hand-written APIs) answers every query with it with
 * nothing. So for each parameter without a verdict, the proof reads a few records of the
 * collection and asks again with the same parameter and a value taken from one of them,
 * which the API must then return: no record means the parameter is not honoured, and the
 * call fails with an {@link IgnoredFilterException} naming it. An ordering is proven the
 * same way, alone on the collection. Verdicts are kept in {@link ParameterVerdicts}, so a
 * parameter costs its proof once per client.
 * <p>
 * What cannot be proven from the records read (a relation, a lookup on a field the model
 * lacks, a strict bound on text, a combination with OR) stays without a verdict, and the
 * answer is taken as the API gave it.
 */
public final class ParameterProof {

	/** The parameter an ordering is known by in verdicts and messages. */
	public static final String ORDERING = "ordering";

	private static final Log logger = LogFactory.getLog(ParameterProof.class);

	/** How many records of the collection a proof reads to find values. */
	static final long SAMPLE = 5;

	private static final QueryDefinition FIRST = QueryDefinition.ALL.slice(0, SAMPLE);

	private static final QueryDefinition SECOND = QueryDefinition.ALL.slice(1, 2);

	private final String modelName;

	private final String endpoint;

	private final Dialect dialect;

	private final RecordFields<Map<String, Object>> fields;

	private final ParameterVerdicts verdicts;

	private final Reader reader;

	/**
	 * The proof of one model's queries.
	 * @param modelName the model's name, for messages
	 * @param endpoint the collection's path, the verdicts' scope
	 * @param dialect names parameters as the API gets them
	 * @param fields reads the fields of the records the reader returns
	 * @param verdicts the client's verdicts
	 * @param reader reads the records of a query's window, checked but never proven again
	 */
	public ParameterProof(String modelName, String endpoint, Dialect dialect, RecordFields<Map<String, Object>> fields,
			ParameterVerdicts verdicts, Reader reader) {
		Assert.notNull(dialect, "dialect must not be null");
		Assert.notNull(fields, "fields must not be null");
		Assert.notNull(verdicts, "verdicts must not be null");
		Assert.notNull(reader, "reader must not be null");
		this.modelName = modelName;
		this.endpoint = endpoint;
		this.dialect = dialect;
		this.fields = fields;
		this.verdicts = verdicts;
		this.reader = reader;
	}

	/**
	 * Reads records for a proof.
	 */
	public interface Reader {

		/**
		 * The records of a window, as their fields, through the same paging and checks as
		 * every query, but never proven again.
		 * @param query the query
		 * @return the records; an error when the API's answer contradicts the query
		 */
		Mono<List<Map<String, Object>>> read(QueryDefinition query);

		/**
		 * The records of the first page the API serves for the collection asked for
		 * without any parameter, as their fields.
		 * @return the records
		 */
		Mono<List<Map<String, Object>>> readBare();

		/**
		 * The parameters that ask for a window, as the API gets them ({@code limit},
		 * {@code limit,offset}, {@code page,page_size}).
		 * @param query the window
		 * @return the names, joined by commas
		 */
		String pagingParameters(QueryDefinition query);

	}

	/**
	 * The parameters of a query, as the API gets them: one per condition of its filter's
	 * top-level AND, and {@link #ORDERING} when it is ordered.
	 * @param query the query
	 * @return the parameters
	 */
	public List<String> parameters(QueryDefinition query) {
		List<String> parameters = new ArrayList<>();
		conditions(query.filter()).forEach((condition) -> parameters.add(this.dialect.parameterName(condition)));
		if (!query.ordering().isEmpty()) {
			parameters.add(ORDERING);
		}
		return parameters;
	}

	/**
	 * Whether every parameter of a query is known to be honoured.
	 * @param query the query
	 * @return {@code true} when no proof is needed
	 */
	public boolean isProven(QueryDefinition query) {
		return this.verdicts.allHonoured(this.endpoint, parameters(query));
	}

	/**
	 * Records that the API applied each parameter of a query, as an answer whose records
	 * were all checked against the query showed.
	 * @param query the query
	 */
	public void honoured(QueryDefinition query) {
		parameters(query).forEach((parameter) -> this.verdicts.record(this.endpoint, parameter, Verdict.HONOURED));
	}

	/**
	 * Proves the parameters of a query whose answer was empty: the collection is read
	 * once without any parameter; when it holds records, the window parameters, each
	 * filter and the ordering must each bring some back.
	 * @param query the query
	 * @return completes when the empty answer stands; an {@link IgnoredFilterException}
	 * naming the first parameter the API does not honour otherwise
	 */
	public Mono<Void> proveEmpty(QueryDefinition query) {
		return Mono.defer(() -> {
			List<Q> unproven = new ArrayList<>();
			for (Q condition : conditions(query.filter())) {
				String parameter = this.dialect.parameterName(condition);
				Verdict verdict = this.verdicts.get(this.endpoint, parameter);
				if (verdict == Verdict.IGNORED) {
					return Mono.error(known(parameter, describe(condition)));
				}
				if (verdict == null) {
					unproven.add(condition);
				}
			}
			boolean ordering = !query.ordering().isEmpty()
					&& this.verdicts.get(this.endpoint, ORDERING) != Verdict.HONOURED;
			if (ordering && this.verdicts.get(this.endpoint, ORDERING) == Verdict.IGNORED) {
				return Mono.error(known(ORDERING, "ordering=" + String.join(",", query.ordering())));
			}
			if (unproven.isEmpty() && !ordering && pagingProven(query)) {
				return Mono.empty();
			}
			return this.reader.readBare().flatMap((bare) -> {
				if (bare.isEmpty()) {
					// The collection is empty: every query of it answers nothing.
					return Mono.empty();
				}
				return provePaging(query, bare).flatMap((sample) -> {
					Flux<Void> proofs = Flux.fromIterable(unproven).concatMap((condition) -> prove(condition, sample));
					if (ordering) {
						proofs = proofs.concatWith(proveOrdering(query.ordering()));
					}
					return proofs.then();
				});
			});
		});
	}

	private boolean pagingProven(QueryDefinition query) {
		return this.verdicts.get(this.endpoint, this.reader.pagingParameters(FIRST)) == Verdict.HONOURED
				&& (query.offset() == 0
						|| this.verdicts.get(this.endpoint, this.reader.pagingParameters(SECOND)) == Verdict.HONOURED);
	}

	/**
	 * Proves that the API serves the windows it is asked for: the collection's first
	 * records, and a window that starts later when the query's does.
	 * @return some records of the collection
	 */
	private Mono<List<Map<String, Object>>> provePaging(QueryDefinition query, List<Map<String, Object>> bare) {
		Mono<List<Map<String, Object>>> sample = this.reader.read(FIRST)
			.flatMap((records) -> verdict(this.reader.pagingParameters(FIRST), records.isEmpty(),
					"asked for the first " + SAMPLE + " records of a collection that holds some, it answered none")
				.thenReturn(records));
		if (query.offset() == 0 || bare.size() < 2) {
			return sample;
		}
		return sample.flatMap((records) -> this.reader.read(SECOND)
			.flatMap((later) -> verdict(this.reader.pagingParameters(SECOND), later.isEmpty(),
					"asked for the second record of a collection that holds more, it answered none"))
			.thenReturn(records));
	}

	private Mono<Void> prove(Q condition, List<Map<String, Object>> sample) {
		String parameter = this.dialect.parameterName(condition);
		for (Map<String, Object> record : sample) {
			Q witness = Witnesses.of(condition, record, this.fields);
			if (witness != null && parameter.equals(this.dialect.parameterName(witness))) {
				return this.reader.read(new QueryDefinition(witness, List.of(), 0, 1L))
					.flatMap((answer) -> verdict(parameter, answer.isEmpty(),
							describe(condition) + " (asked again with " + describe(witness)
									+ ", which a record it holds satisfies, it answered no record)"));
			}
		}
		if (logger.isDebugEnabled()) {
			logger.debug(this.modelName + ": whether the API honours '" + parameter + "' cannot be proven from the "
					+ "records read; its empty answer is taken as given");
		}
		return Mono.empty();
	}

	private Mono<Void> proveOrdering(List<String> ordering) {
		return this.reader.read(new QueryDefinition(null, ordering, 0, 1L))
			.flatMap((answer) -> verdict(ORDERING, answer.isEmpty(), "ordering=" + String.join(",", ordering)
					+ " (asked for the first record of the collection in that order, it answered no record)"));
	}

	private Mono<Void> verdict(String parameter, boolean ignored, String evidence) {
		Verdict verdict = this.verdicts.record(this.endpoint, parameter, ignored ? Verdict.IGNORED : Verdict.HONOURED);
		if (logger.isDebugEnabled()) {
			logger.debug(this.modelName + ": the API " + ((verdict == Verdict.HONOURED) ? "honours" : "does not honour")
					+ " the parameter '" + parameter + "' of " + this.endpoint);
		}
		if (verdict == Verdict.HONOURED) {
			return Mono.empty();
		}
		return Mono.error(new IgnoredFilterException(parameter,
				this.modelName + " list: the API does not honour the " + "parameter '" + parameter + "': " + evidence
						+ "; its empty answer is not believed. Declare the "
						+ "parameter in the API or choose the dialect that writes it as the API reads it; "
						+ "api-orm.verify-results=false accepts unchecked answers"));
	}

	private IgnoredFilterException known(String parameter, String what) {
		return new IgnoredFilterException(parameter, this.modelName + " list: the API does not honour the parameter '"
				+ parameter + "' (" + what + "), as an earlier answer proved; its empty answer is not believed");
	}

	/**
	 * The conditions of a filter's top-level AND, each sent as a parameter of its own.
	 */
	static List<Q> conditions(@Nullable Q filter) {
		if (filter == null) {
			return List.of();
		}
		return (filter instanceof Q.And and) ? and.conditions() : List.of(filter);
	}

	private static String describe(Q condition) {
		if (condition instanceof Q.Lookup lookup) {
			return "filter " + lookup.lookup() + "=" + lookup.value();
		}
		if (condition instanceof Q.Not not && not.condition() instanceof Q.Lookup lookup) {
			return "exclude " + lookup.lookup() + "=" + lookup.value();
		}
		return String.valueOf(condition);
	}

}
