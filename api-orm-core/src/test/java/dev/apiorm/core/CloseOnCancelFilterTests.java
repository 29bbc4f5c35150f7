package dev.apiorm.core;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection of a request whose exchange is cancelled, or whose response is dropped,
 * is closed; that of an exchange that completes is left to the pool.
 */
class CloseOnCancelFilterTests {

	private static final ClientRequest REQUEST = ClientRequest.create(HttpMethod.GET, URI.create("http://api/users/"))
		.build();

	private final CloseOnCancelFilter filter = new CloseOnCancelFilter();

	private final EmbeddedChannel channel = new EmbeddedChannel();

	private final Connection connection = Connection.from(this.channel);

	/** An exchange that records its connection, then answers with the given response. */
	private ExchangeFunction exchange(Mono<ClientResponse> response) {
		return (request) -> Mono.deferContextual((context) -> {
			CloseOnCancelFilter.connected(context, this.connection);
			return response;
		});
	}

	@Test
	void cancellingAnExchangeWhileItWaitsForItsResponseClosesItsConnection() {
		Disposable call = this.filter.filter(REQUEST, exchange(Mono.never())).subscribe();
		assertThat(this.channel.isActive()).isTrue();
		call.dispose();
		assertThat(this.channel.isActive()).isFalse();
	}

	@Test
	void aConnectionRecordedAfterTheCancellationIsClosedAsSoonAsItIsRecorded() {
		AtomicReference<ContextView> exchangeContext = new AtomicReference<>();
		ExchangeFunction slowToConnect = (request) -> Mono.deferContextual((context) -> {
			exchangeContext.set(context);
			return Mono.never();
		});
		this.filter.filter(REQUEST, slowToConnect).subscribe().dispose();
		assertThat(this.channel.isActive()).isTrue();
		CloseOnCancelFilter.connected(exchangeContext.get(), this.connection);
		assertThat(this.channel.isActive()).isFalse();
	}

	@Test
	void cancellingAnExchangeWhileAFilterHoldsItsResponseClosesItsConnection() {
		// A filter that holds the response for a while drops it when cancelled, without
		// cancelling what comes before it.
		Mono<ClientResponse> heldByAFilter = Mono.just(ClientResponse.create(HttpStatus.OK).build())
			.delayElement(Duration.ofSeconds(10));
		Disposable call = this.filter.filter(REQUEST, exchange(heldByAFilter)).subscribe();
		call.dispose();
		assertThat(this.channel.isActive()).isFalse();
	}

	@Test
	void aResponseThatAFilterDropsClosesItsConnection() {
		Mono<ClientResponse> droppedByAFilter = Mono.just(ClientResponse.create(HttpStatus.OK).build())
			.filter((response) -> false);
		assertThat(this.filter.filter(REQUEST, exchange(droppedByAFilter)).block()).isNull();
		assertThat(this.channel.isActive()).isFalse();
	}

	@Test
	void anExchangeThatGetsItsResponseLeavesItsConnectionOpen() {
		ClientResponse response = ClientResponse.create(HttpStatus.OK).build();
		assertThat(this.filter.filter(REQUEST, exchange(Mono.just(response))).block()).isSameAs(response);
		assertThat(this.channel.isActive()).isTrue();
	}

	@Test
	void aRequestMadeOutsideTheFilterIsNotWatched() {
		CloseOnCancelFilter.connected(Context.empty(), this.connection);
		assertThat(this.channel.isActive()).isTrue();
	}

}
