package dev.apiorm.conformance.odata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

/**
 * Evaluates a parsed {@code $filter} or {@code $orderby} expression on one book, with
 * OData's semantics: {@code eq null} is true for a missing value, comparisons with null
 * are false, {@code ne} of a missing value is true.
 */
class BookFilter implements ExpressionVisitor<Object> {

	private final Map<String, Object> book;

	BookFilter(Map<String, Object> book) {
		this.book = book;
	}

	@Override
	public Object visitMember(Member member) {
		List<UriResource> parts = member.getResourcePath().getUriResourceParts();
		UriResourcePrimitiveProperty property = (UriResourcePrimitiveProperty) parts.get(parts.size() - 1);
		return normalize(this.book.get(property.getProperty().getName()));
	}

	@Override
	public Object visitLiteral(Literal literal) {
		String text = literal.getText();
		EdmType type = literal.getType();
		if (type == null || text.equals("null")) {
			return null;
		}
		return switch (type.getName()) {
			case "String" -> text.substring(1, text.length() - 1).replace("''", "'");
			case "Boolean" -> Boolean.valueOf(text);
			case "Date" -> LocalDate.parse(text);
			default -> new BigDecimal(text);
		};
	}

	@Override
	public Object visitBinaryOperator(BinaryOperatorKind operator, Object left, Object right) {
		return switch (operator) {
			case AND -> Boolean.TRUE.equals(left) && Boolean.TRUE.equals(right);
			case OR -> Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right);
			case EQ -> Objects.equals(left, right);
			case NE -> !Objects.equals(left, right);
			// Comparisons with null are false whatever the operator.
			case GT -> left != null && right != null && compare(left, right) > 0;
			case GE -> left != null && right != null && compare(left, right) >= 0;
			case LT -> left != null && right != null && compare(left, right) < 0;
			case LE -> left != null && right != null && compare(left, right) <= 0;
			default -> throw new UnsupportedOperationException(operator.toString());
		};
	}

	@Override
	public Object visitBinaryOperator(BinaryOperatorKind operator, Object left, List<Object> right) {
		if (operator != BinaryOperatorKind.IN) {
			throw new UnsupportedOperationException(operator.toString());
		}
		return right.contains(left);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compare(Object left, Object right) {
		return ((Comparable) left).compareTo(right);
	}

	@Override
	public Object visitUnaryOperator(UnaryOperatorKind operator, Object operand) {
		if (operator == UnaryOperatorKind.NOT) {
			return !Boolean.TRUE.equals(operand);
		}
		throw new UnsupportedOperationException(operator.toString());
	}

	@Override
	public Object visitMethodCall(MethodKind method, List<Object> parameters) {
		Object first = parameters.get(0);
		Object second = (parameters.size() > 1) ? parameters.get(1) : null;
		return switch (method) {
			case TOLOWER -> (first != null) ? first.toString().toLowerCase(Locale.ROOT) : null;
			case CONTAINS -> first != null && second != null && first.toString().contains(second.toString());
			case STARTSWITH -> first != null && second != null && first.toString().startsWith(second.toString());
			case ENDSWITH -> first != null && second != null && first.toString().endsWith(second.toString());
			default -> throw new UnsupportedOperationException(method.toString());
		};
	}

	private static Object normalize(Object value) {
		if (value instanceof Integer || value instanceof Long) {
			return BigDecimal.valueOf(((Number) value).longValue());
		}
		return value;
	}

	@Override
	public Object visitLambdaExpression(String function, String variable, Expression expression) {
		throw new UnsupportedOperationException("lambda");
	}

	@Override
	public Object visitAlias(String alias) {
		throw new UnsupportedOperationException("alias");
	}

	@Override
	public Object visitTypeLiteral(EdmType type) {
		throw new UnsupportedOperationException("type literal");
	}

	@Override
	public Object visitLambdaReference(String variable) {
		throw new UnsupportedOperationException("lambda");
	}

	@Override
	public Object visitEnum(EdmEnumType type, List<String> values) {
		throw new UnsupportedOperationException("enum");
	}

}
