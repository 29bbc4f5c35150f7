package dev.apiorm.core;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A response no request asked for closes the connection instead of waiting there for the
 * next request.
 */
class UnsolicitedResponseGuardTests {

	private static final String RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";

	private static EmbeddedChannel channel() {
		return new EmbeddedChannel(new HttpClientCodec(), new UnsolicitedResponseGuard(),
				new HttpObjectAggregator(1024));
	}

	private static void request(EmbeddedChannel channel) {
		channel.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/users/1/"));
		channel.outboundMessages().clear();
	}

	@Test
	void aSecondResponseInTheSameReadClosesTheConnection() {
		EmbeddedChannel channel = channel();
		request(channel);
		channel.writeInbound(Unpooled.copiedBuffer(RESPONSE + RESPONSE, StandardCharsets.US_ASCII));
		FullHttpResponse answered = channel.readInbound();
		assertThat(answered.status().code()).isEqualTo(200);
		answered.release();
		assertThat((Object) channel.readInbound()).isNull();
		assertThat(channel.isOpen()).isFalse();
	}

	@Test
	void oneResponsePerRequestKeepsTheConnection() {
		EmbeddedChannel channel = channel();
		for (int i = 0; i < 3; i++) {
			request(channel);
			channel.writeInbound(Unpooled.copiedBuffer(RESPONSE, StandardCharsets.US_ASCII));
			FullHttpResponse answered = channel.readInbound();
			answered.release();
		}
		assertThat(channel.isOpen()).isTrue();
		channel.finishAndReleaseAll();
	}

	@Test
	void informationalResponsesDoNotCount() {
		EmbeddedChannel channel = channel();
		request(channel);
		channel
			.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 100 Continue\r\n\r\n" + RESPONSE, StandardCharsets.US_ASCII));
		FullHttpResponse interim = channel.readInbound();
		assertThat(interim.status().code()).isEqualTo(100);
		interim.release();
		FullHttpResponse answered = channel.readInbound();
		assertThat(answered.status().code()).isEqualTo(200);
		answered.release();
		assertThat(channel.isOpen()).isTrue();
		channel.finishAndReleaseAll();
	}

}
