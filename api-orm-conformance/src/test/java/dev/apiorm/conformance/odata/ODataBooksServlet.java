package dev.apiorm.conformance.odata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.olingo.commons.api.ex.ODataErrorDetail;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.ErrorProcessor;
import org.apache.olingo.server.api.serializer.SerializerException;

/**
 * An OData v4 service of the dataset's books on Apache Olingo, as a servlet: the entity
 * set {@code books} with the test's own processors. Field errors carry the field as the
 * error's {@code target} and in its {@code details}, as OData services report them.
 */
public class ODataBooksServlet extends HttpServlet {

	private final BookStore store;

	/**
	 * A service of the books of a dataset.
	 * @param dataset the dataset ({@code conformance/books.json})
	 */
	public ODataBooksServlet(Path dataset) {
		this.store = new BookStore(dataset);
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		OData odata = OData.newInstance();
		ServiceMetadata metadata = odata.createServiceMetadata(new LibraryEdmProvider(), List.of());
		ODataHttpHandler handler = odata.createHandler(metadata);
		handler.register(new BooksProcessor(this.store));
		handler.register(new FieldErrors());
		handler.process(request, response);
	}

	private static final class FieldErrors implements ErrorProcessor {

		private OData odata;

		@Override
		public void init(OData odata, ServiceMetadata metadata) {
			this.odata = odata;
		}

		@Override
		public void processError(ODataRequest request, ODataResponse response, ODataServerError error,
				ContentType format) {
			if (error.getException() instanceof BooksProcessor.FieldException field) {
				error.setTarget(field.field());
				ODataErrorDetail detail = new ODataErrorDetail();
				detail.setCode("invalid");
				detail.setTarget(field.field());
				detail.setMessage(field.getMessage());
				error.setDetails(List.of(detail));
			}
			try {
				response.setContent(this.odata.createSerializer(format).error(error).getContent());
			}
			catch (SerializerException ex) {
				throw new IllegalStateException(ex);
			}
			response.setStatusCode(error.getStatusCode());
			response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
		}

	}

}
