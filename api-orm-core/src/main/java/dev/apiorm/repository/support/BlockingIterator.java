package dev.apiorm.repository.support;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;

/**
 * Iterates a {@link Flux} from a blocking thread with bounded demand, and delivers every
 * record that arrived before a failure ahead of the failure. (Reactor's own
 * {@code toIterable()} throws as soon as the failure arrives, dropping records already
 * received.)
 *
 * @param <T> the record type
 */
final class BlockingIterator<T> implements Iterator<T>, Subscriber<T> {

	private static final Object COMPLETE = new Object();

	private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

	private final int batch;

	private final int replenish;

	private volatile @Nullable Subscription subscription;

	private int consumed;

	private @Nullable Object next;

	private boolean done;

	private BlockingIterator(int batch) {
		this.batch = batch;
		this.replenish = Math.max(1, batch - (batch >> 2));
	}

	/**
	 * Subscribes to the records, asking for {@code batch} at a time.
	 * @param records the records
	 * @param batch how many records may wait in memory
	 * @param <T> the record type
	 * @return the iterator
	 */
	static <T> BlockingIterator<T> of(Flux<T> records, int batch) {
		BlockingIterator<T> iterator = new BlockingIterator<>(Math.max(1, batch));
		records.subscribe(iterator);
		return iterator;
	}

	/**
	 * The records as a sequential stream; closing it cancels the subscription.
	 * @return the stream
	 */
	Stream<T> stream() {
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(this::cancel);
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		this.subscription = subscription;
		subscription.request(this.batch);
	}

	@Override
	public void onNext(T record) {
		this.queue.add(record);
	}

	@Override
	public void onError(Throwable failure) {
		this.queue.add(new Failure(failure));
	}

	@Override
	public void onComplete() {
		this.queue.add(COMPLETE);
	}

	@Override
	public boolean hasNext() {
		if (this.done) {
			return false;
		}
		if (this.next == null) {
			this.next = take();
		}
		if (this.next == COMPLETE) {
			this.done = true;
			return false;
		}
		if (this.next instanceof Failure failure) {
			this.done = true;
			throw Exceptions.propagate(failure.error());
		}
		return true;
	}

	@Override
	@SuppressWarnings("unchecked")
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		T record = (T) this.next;
		this.next = null;
		if (++this.consumed == this.replenish) {
			this.consumed = 0;
			Subscription current = this.subscription;
			if (current != null) {
				current.request(this.replenish);
			}
		}
		return record;
	}

	void cancel() {
		this.done = true;
		Subscription current = this.subscription;
		if (current != null) {
			current.cancel();
		}
		this.queue.clear();
	}

	private Object take() {
		try {
			return this.queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			cancel();
			throw new IllegalStateException("Interrupted while waiting for the next record", ex);
		}
	}

	private record Failure(Throwable error) {
	}

}
