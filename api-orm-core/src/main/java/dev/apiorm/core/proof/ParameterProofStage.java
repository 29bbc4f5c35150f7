package dev.apiorm.core.proof;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.apiorm.Q;
import dev.apiorm.core.page.PageStage;
import dev.apiorm.core.page.WindowRead;
import dev.apiorm.core.proof.ParameterVerdicts.Verdict;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.query.RecordFields;
import dev.apiorm.query.RecordMatcher;
import dev.apiorm.query.Truth;

/**
 * The stage that holds answers to what the API has shown of its parameters (see
 * {@code api-orm.verify-results}). An empty answer is proven before the caller sees it:
 * when the only page of a window holds no record, the model's {@link ParameterProof} must
 * show that the API honours each parameter the query sent. This covers {@code list()},
 * iteration, {@code first()}, {@code last()}, {@code get()}, {@code exists()} and a count
 * of zero alike. A first page with records that all satisfy a filter condition (checked
 * by the verification stage before this one) is the evidence that its parameter is
 * honoured, and is recorded as such. The proofs' own reads pass through the other stages
 * but are never proven again.
 */
public final class ParameterProofStage implements PageStage {

	private final Dialect dialect;

	private final ParameterProofs proofs;

	/**
	 * The stage of one client.
	 * @param dialect the client's dialect, naming parameters as sent
	 * @param proofs the client's proofs and verdicts
	 */
	public ParameterProofStage(Dialect dialect, ParameterProofs proofs) {
		Assert.notNull(dialect, "dialect must not be null");
		Assert.notNull(proofs, "proofs must not be null");
		this.dialect = dialect;
		this.proofs = proofs;
	}

	@Override
	public <R> @Nullable Pass<R> open(WindowRead<R> read) {
		if (!this.proofs.enabled() || ParameterProofs.OPERATION.equals(read.operation())) {
			return null;
		}
		RecordFields<R> fields = read.fields();
		return (page) -> {
			if (!page.first()) {
				return Mono.just(page);
			}
			List<R> records = page.page().records();
			if (records.isEmpty()) {
				return page.last() ? this.proofs.proof(read.entity()).proveEmpty(read.query()).thenReturn(page)
						: Mono.just(page);
			}
			if (fields != null) {
				recordHonoured(read, fields, records);
			}
			return Mono.just(page);
		};
	}

	/**
	 * Records as honoured each filter parameter of a query whose every record on the page
	 * satisfies its condition (not merely fails to contradict it).
	 */
	private <R> void recordHonoured(WindowRead<R> read, RecordFields<R> fields, List<R> records) {
		String endpoint = read.entity().getEndpoint();
		for (Q condition : ParameterProof.conditions(read.query().filter())) {
			String parameter = this.dialect.parameterName(condition);
			if (this.proofs.verdicts().get(endpoint, parameter) == null && satisfiedByAll(condition, fields, records)) {
				this.proofs.verdicts().record(endpoint, parameter, Verdict.HONOURED);
			}
		}
	}

	private static <R> boolean satisfiedByAll(Q condition, RecordFields<R> fields, List<R> records) {
		RecordMatcher<R> matcher = RecordMatcher.of(condition, fields);
		if (matcher.isEmpty()) {
			return false;
		}
		for (R record : records) {
			if (matcher.test(record) != Truth.TRUE) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		return "ParameterProofStage[" + (this.proofs.enabled() ? "on" : "off") + "]";
	}

}
