package dev.apiorm.repository.support;

import org.springframework.beans.factory.ObjectFactory;
import org.springframework.core.Ordered;
import org.springframework.data.auditing.IsNewAwareAuditingHandler;
import org.springframework.util.Assert;

import dev.apiorm.core.BeforeSaveCallback;

/**
 * Fills in {@code @CreatedDate}, {@code @CreatedBy}, {@code @LastModifiedDate} and
 * {@code @LastModifiedBy} of an instance about to be created or saved, new or not as
 * Spring Data decides ({@code @Version}, then the id). Registered by
 * {@link dev.apiorm.EnableApiOrmAuditing}.
 */
public class AuditingSaveCallback implements BeforeSaveCallback<Object>, Ordered {

	/** Before other callbacks, so that they see the audited instance. */
	public static final int ORDER = 100;

	private final ObjectFactory<IsNewAwareAuditingHandler> handler;

	/**
	 * A callback.
	 * @param handler the auditing handler (dates, auditor)
	 */
	public AuditingSaveCallback(IsNewAwareAuditingHandler handler) {
		this(() -> handler);
		Assert.notNull(handler, "handler must not be null");
	}

	/**
	 * A callback that looks its handler up at the first write (the handler's bean depends
	 * on api-orm, which discovers this callback while it is built).
	 * @param handler where the auditing handler comes from
	 */
	public AuditingSaveCallback(ObjectFactory<IsNewAwareAuditingHandler> handler) {
		Assert.notNull(handler, "handler must not be null");
		this.handler = handler;
	}

	@Override
	public Object onBeforeSave(Object object) {
		return this.handler.getObject().markAudited(object);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
