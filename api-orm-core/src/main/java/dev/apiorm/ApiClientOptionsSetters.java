package dev.apiorm;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import dev.apiorm.core.ApiClientOptions;
import dev.apiorm.core.ApiClientSettings;

/**
 * The setters of a client's options named after their properties ({@code api-orm.timeout}
 * is {@code timeout(...)}), for a builder that holds {@link ApiClientOptions}: each
 * replaces one value of them through {@link #options(UnaryOperator)}, which reaches every
 * value. The defaults are the groups' {@code DEFAULTS}.
 *
 * @param <B> the builder
 */
public interface ApiClientOptionsSetters<B extends ApiClientOptionsSetters<B>> {

	/**
	 * Changes the options, any of them.
	 * @param change a function of the options so far, such as
	 * {@code (options) -> options.withPaging(options.paging().withPageSize(20))}
	 * @return this builder
	 */
	B options(UnaryOperator<ApiClientOptions> change);

	/**
	 * {@code api-orm.auth-scheme}: the scheme written before the token.
	 * @param authScheme the scheme: {@code Bearer}, {@code Token} for DRF, empty for the
	 * token alone
	 * @return this builder
	 */
	default B authScheme(String authScheme) {
		return options((options) -> options.withHeaders(options.headers().withAuthScheme(authScheme)));
	}

	/**
	 * {@code api-orm.user-agent}: the {@code User-Agent} header.
	 * @param userAgent the header's value
	 * @return this builder
	 */
	default B userAgent(String userAgent) {
		return options((options) -> options.withHeaders(options.headers().withUserAgent(userAgent)));
	}

	/**
	 * {@code api-orm.default-headers}: headers sent with every request.
	 * @param headers header names and values
	 * @return this builder
	 */
	default B defaultHeaders(Map<String, String> headers) {
		return options((options) -> options.withHeaders(options.headers().withDefaultHeaders(headers)));
	}

	/**
	 * {@code api-orm.http2}: whether to speak HTTP/2.
	 * @param http2 {@code true} for h2 (TLS) or h2c (prior knowledge)
	 * @return this builder
	 */
	default B http2(boolean http2) {
		return options((options) -> options.withHttp(options.http().withHttp2(http2)));
	}

	/**
	 * {@code api-orm.timeout}: how long to wait for a whole response.
	 * @param timeout the timeout
	 * @return this builder
	 */
	default B timeout(Duration timeout) {
		return options((options) -> options.withHttp(options.http().withTimeout(timeout)));
	}

	/**
	 * {@code api-orm.connect-timeout}: how long to wait for a connection.
	 * @param connectTimeout the timeout
	 * @return this builder
	 */
	default B connectTimeout(Duration connectTimeout) {
		return options((options) -> options.withHttp(options.http().withConnectTimeout(connectTimeout)));
	}

	/**
	 * {@code api-orm.deadline}: how long a whole call may take, its attempts and waits
	 * included.
	 * @param deadline the deadline
	 * @return this builder
	 */
	default B deadline(Duration deadline) {
		return options((options) -> options.withHttp(options.http().withDeadline(deadline)));
	}

	/**
	 * {@code api-orm.max-response-size}: the largest response body read into memory.
	 * @param bytes the size in bytes
	 * @return this builder
	 */
	default B maxResponseSize(int bytes) {
		return options((options) -> options.withHttp(options.http().withMaxResponseSize(bytes)));
	}

	/**
	 * {@code api-orm.max-concurrency}: how many requests may be in flight at once;
	 * callers beyond wait.
	 * @param maxConcurrency the limit, {@code null} for none
	 * @return this builder
	 */
	default B maxConcurrency(@Nullable Integer maxConcurrency) {
		return options((options) -> options.withHttp(options.http().withMaxConcurrency(maxConcurrency)));
	}

	/**
	 * {@code api-orm.rate-limit.limit} and {@code period}: the rate budget, requests per
	 * period; callers beyond wait for a permit within their deadline. The other keys of
	 * the budget ({@code burst}, {@code max-pause}, {@code key}) through
	 * {@link #options(UnaryOperator)}.
	 * @param limit the requests per period, {@code 0} for no budget
	 * @param period the period
	 * @return this builder
	 */
	default B rateLimit(int limit, Duration period) {
		return options((options) -> options.withRateLimit(options.rateLimit().withLimit(limit).withPeriod(period)));
	}

	/**
	 * {@code api-orm.compression}: whether responses are asked for gzip-compressed.
	 * @param compression whether to ask
	 * @return this builder
	 */
	default B compression(boolean compression) {
		return options((options) -> options.withHttp(options.http().withCompression(compression)));
	}

	/**
	 * {@code api-orm.redirects}: which redirects are followed.
	 * @param redirects the rule
	 * @return this builder
	 */
	default B redirects(ApiClientSettings.Redirects redirects) {
		return options((options) -> options.withHttp(options.http().withRedirects(redirects)));
	}

	/**
	 * {@code api-orm.page-size}: the records per page when following pages.
	 * @param pageSize the page size
	 * @return this builder
	 */
	default B pageSize(int pageSize) {
		return options((options) -> options.withPaging(options.paging().withPageSize(pageSize)));
	}

	/**
	 * {@code api-orm.pagination}: how the API pages collections.
	 * @param pagination the pagination style
	 * @return this builder
	 */
	default B pagination(Pagination pagination) {
		return options((options) -> options.withPaging(options.paging().withPagination(pagination)));
	}

	/**
	 * {@code api-orm.verify-results}: whether the records a query returns are checked
	 * against the query; see {@link dev.apiorm.exception.IgnoredFilterException}.
	 * @param verifyResults whether to check
	 * @return this builder
	 */
	default B verifyResults(boolean verifyResults) {
		return options((options) -> options.withChecks(options.checks().withVerifyResults(verifyResults)));
	}

	/**
	 * {@code api-orm.save-changed-fields}: whether {@code save} of an instance read from
	 * the API sends only what changed since.
	 * @param saveChangedFields whether to track changes
	 * @return this builder
	 */
	default B saveChangedFields(boolean saveChangedFields) {
		return options((options) -> options.withWrites(options.writes().withSaveChangedFields(saveChangedFields)));
	}

	/**
	 * {@code api-orm.optimistic-locking}: whether writes send {@code If-Match} with the
	 * {@code ETag} read.
	 * @param optimisticLocking whether to send {@code If-Match}
	 * @return this builder
	 */
	default B optimisticLocking(boolean optimisticLocking) {
		return options((options) -> options.withWrites(options.writes().withOptimisticLocking(optimisticLocking)));
	}

	/**
	 * {@code api-orm.bulk-concurrency}: how many creates of a bulk create run at once.
	 * @param bulkConcurrency the concurrency
	 * @return this builder
	 */
	default B bulkConcurrency(int bulkConcurrency) {
		return options((options) -> options.withWrites(options.writes().withBulkConcurrency(bulkConcurrency)));
	}

	/**
	 * {@code api-orm.retry.*}: which failed requests are sent again, and when.
	 * @param retry the retry settings
	 * @return this builder
	 */
	default B retry(ApiClientSettings.Retry retry) {
		return options((options) -> options.withRetry(retry));
	}

	/**
	 * {@code api-orm.pool.*}: the connection pool.
	 * @param pool the pool settings
	 * @return this builder
	 */
	default B pool(ApiClientSettings.Pool pool) {
		return options((options) -> options.withPool(pool));
	}

	/**
	 * {@code api-orm.dialect}: the name of a built-in dialect ({@code drf}) or of one
	 * added to the builder ({@link ApiOrmBuilder#dialect(dev.apiorm.dialect.Dialect)}).
	 * @param dialect the name
	 * @return this builder
	 */
	default B dialect(String dialect) {
		return options((options) -> options.withDialect(options.dialect().withName(dialect)));
	}

	/**
	 * {@code api-orm.drf.negation-suffix}: turns on {@code exclude()} in the {@code drf}
	 * dialect, for an API that declares negated filters ({@code exclude=True}) named with
	 * this suffix; without it the dialect refuses negations, which django-filter would
	 * silently ignore.
	 * @param suffix the suffix, such as {@code n} for {@code role__n=banned};
	 * {@code null} for none
	 * @return this builder
	 */
	default B drfNegationSuffix(@Nullable String suffix) {
		return options((options) -> options.withDialect(options.dialect().withDrfNegationSuffix(suffix)));
	}

}
