package dev.apiorm.dialect;

import org.springframework.http.HttpHeaders;

/**
 * What a dialect may need beside the body to read a page: the URL it was asked for (to
 * write the next page's URL when the API gives no link) and the response's headers
 * ({@code Link}, {@code X-Total-Count}).
 *
 * @param requestUrl the absolute URL the page was asked for, percent-encoded
 * @param headers the response's headers
 * @param type the model whose records the page holds
 */
public record PageContext(String requestUrl, HttpHeaders headers, RecordType type) {

}
