package dev.apiorm.core;

import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes an HTTP/1.1 connection that receives a response no request asked for, such as a
 * second response a server (or a proxy desynchronized by request smuggling) sent after
 * the one asked for: left on a pooled connection, it would answer whichever request used
 * the connection next. Sits behind Netty's HTTP codec and counts the requests written
 * against the final responses read; runs on the channel's event loop only. The same count
 * tells the client's {@link IdleConnections} when the connection is idle.
 */
final class UnsolicitedResponseGuard extends ChannelDuplexHandler {

	/** The name of this handler in the pipeline. */
	static final String NAME = "api-orm.unsolicited-response-guard";

	private final IdleConnections idle;

	private int outstanding;

	private boolean discarding;

	/**
	 * Whether the connection is counted idle; the pool's eviction thread clears it too.
	 */
	private final AtomicBoolean countedIdle = new AtomicBoolean();

	UnsolicitedResponseGuard(IdleConnections idle) {
		this.idle = idle;
	}

	UnsolicitedResponseGuard() {
		this(new IdleConnections());
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof HttpRequest) {
			this.outstanding++;
			countIdle(false);
		}
		super.write(ctx, msg, promise);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
		if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
			if (this.outstanding == 0) {
				this.discarding = true;
				ReferenceCountUtil.release(msg);
				ctx.close();
				return;
			}
			this.outstanding--;
		}
		else if (this.discarding && msg instanceof HttpContent) {
			ReferenceCountUtil.release(msg);
			return;
		}
		if (msg instanceof LastHttpContent && this.outstanding == 0) {
			countIdle(true);
		}
		super.channelRead(ctx, msg);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		countIdle(false);
		super.channelInactive(ctx);
	}

	private void countIdle(boolean idle) {
		if (this.countedIdle.compareAndSet(!idle, idle)) {
			this.idle.add(idle ? 1 : -1);
		}
	}

	/**
	 * Stops counting the connection as idle, because the pool is about to evict it.
	 * @return {@code true} when it was counted idle
	 */
	boolean uncountIdle() {
		if (this.countedIdle.compareAndSet(true, false)) {
			this.idle.add(-1);
			return true;
		}
		return false;
	}

}
