package dev.apiorm.conformance.odata;

import java.util.List;

import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;

/**
 * The entity data model of the OData test service: the entity set {@code books} of the
 * entity type {@code Library.Book}, keyed by {@code id}.
 */
class LibraryEdmProvider extends CsdlAbstractEdmProvider {

	static final String NAMESPACE = "Library";

	static final FullQualifiedName BOOK = new FullQualifiedName(NAMESPACE, "Book");

	static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, "Container");

	static final String BOOKS = "books";

	@Override
	public CsdlEntityType getEntityType(FullQualifiedName name) {
		if (!BOOK.equals(name)) {
			return null;
		}
		return new CsdlEntityType().setName(BOOK.getName())
			.setKey(List.of(new CsdlPropertyRef().setName("id")))
			.setProperties(List.of(property("id", EdmPrimitiveTypeKind.Int64).setNullable(false),
					property("title", EdmPrimitiveTypeKind.String), property("pages", EdmPrimitiveTypeKind.Int32),
					property("published", EdmPrimitiveTypeKind.Date), property("genre", EdmPrimitiveTypeKind.String),
					property("available", EdmPrimitiveTypeKind.Boolean)));
	}

	private static CsdlProperty property(String name, EdmPrimitiveTypeKind type) {
		return new CsdlProperty().setName(name).setType(type.getFullQualifiedName());
	}

	@Override
	public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
		return (CONTAINER.equals(container) && BOOKS.equals(name)) ? new CsdlEntitySet().setName(BOOKS).setType(BOOK)
				: null;
	}

	@Override
	public CsdlEntityContainer getEntityContainer() {
		return new CsdlEntityContainer().setName(CONTAINER.getName())
			.setEntitySets(List.of(getEntitySet(CONTAINER, BOOKS)));
	}

	@Override
	public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
		return (name == null || CONTAINER.equals(name)) ? new CsdlEntityContainerInfo().setContainerName(CONTAINER)
				: null;
	}

	@Override
	public List<CsdlSchema> getSchemas() {
		return List.of(new CsdlSchema().setNamespace(NAMESPACE)
			.setEntityTypes(List.of(getEntityType(BOOK)))
			.setEntityContainer(getEntityContainer()));
	}

}
