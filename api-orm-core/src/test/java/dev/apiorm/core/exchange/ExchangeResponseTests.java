package dev.apiorm.core.exchange;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A response is a success with its decoded body; an error status is never one (it travels
 * as an exception).
 */
class ExchangeResponseTests {

	@Test
	void aResponseCarriesItsStatusHeadersAndDecodedBody() {
		HttpHeaders headers = new HttpHeaders();
		headers.setETag("\"v1\"");
		ExchangeResponse response = ExchangeResponse.of(200, headers, "decoded");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().getETag()).isEqualTo("\"v1\"");
		assertThat(response.body()).isEqualTo("decoded");
		assertThat(ExchangeResponse.of(204, headers, null).body()).isNull();
	}

	@Test
	void anErrorStatusIsNotAResponse() {
		assertThatIllegalArgumentException().isThrownBy(() -> ExchangeResponse.of(300, new HttpHeaders(), null))
			.withMessageContaining("300");
		assertThatIllegalArgumentException().isThrownBy(() -> ExchangeResponse.of(404, new HttpHeaders(), null));
		assertThatIllegalArgumentException().isThrownBy(() -> ExchangeResponse.of(99, new HttpHeaders(), null));
	}

}
