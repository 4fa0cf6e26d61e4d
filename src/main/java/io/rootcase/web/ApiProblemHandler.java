package io.rootcase.web;

import java.util.List;
import java.util.Map;

import io.rootcase.shared.ConflictException;
import io.rootcase.shared.ForbiddenException;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.NotFoundException;
import io.rootcase.shared.Texts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every API failure into an RFC 9457 problem detail that says what was wrong, so an
 * integrator can fix the request without reading our logs. Listed problems go in an
 * {@code errors} array of {position, field, message}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private final long maxDocumentMegabytes;

	ApiProblemHandler(@Value("${spring.jackson.factory.constraints.read.max-document-length}") long maxDocumentLength) {
		this.maxDocumentMegabytes = maxDocumentLength / (1024 * 1024);
	}

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalid(InvalidRequestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		problem.setProperty("errors", ex.problems().stream().map(ApiProblemHandler::error).toList());
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badArgument(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(ForbiddenException.class)
	ProblemDetail forbidden(ForbiddenException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setTitle("Not allowed");
		return problem;
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(ConcurrencyFailureException.class)
	ProblemDetail concurrentChange(ConcurrencyFailureException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The resource was changed by someone else meanwhile; reload it and try again.");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				Texts.quoted(ex.getValue()) + " is not a valid value for '" + ex.getName() + "'");
		problem.setTitle("Invalid request");
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// Jackson gives up reading at the limit, so the refusal costs no more than the
		// limit.
		if (ex.getCause() instanceof StreamConstraintsException tooBig
				&& tooBig.getOriginalMessage().startsWith("Document length")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"the request body is longer than the " + this.maxDocumentMegabytes
							+ " MB a request may hold; send fewer contacts per batch, or a history as a CSV import");
			problem.setTitle("Request too large");
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(ex));
		problem.setTitle("Unreadable request body");
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidRequestException.Problem> problems = ex.getFieldErrors()
			.stream()
			.map(e -> new InvalidRequestException.Problem(null, e.getField(),
					e.getField() + " " + e.getDefaultMessage()))
			.toList();
		return ResponseEntity.badRequest()
			.body(invalid(new InvalidRequestException(
					problems.size() == 1 ? problems.get(0).message() : problems.size() + " problems", problems)));
	}

	private static String unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return "unknown field '" + unknown.getPropertyName() + "'" + at(unknown);
		}
		if (cause instanceof JacksonException jackson) {
			String message = jackson.getOriginalMessage();
			// Jackson names our classes in its messages; the caller needs the field, not
			// our package layout.
			return message.replaceAll("(?:`|\\()?(?:io\\.rootcase|java\\.lang|java\\.time)\\.[\\w.$]+(?:`|\\))?", "")
				.replaceAll(", from `StreamReadConstraints\\.\\w+\\(\\)`", "")
				.replaceAll("\\s+", " ")
				.strip() + at(jackson);
		}
		return "the request body is missing or is not JSON";
	}

	private static String at(JacksonException ex) {
		String path = ex.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
			.orElse("");
		return path.isEmpty() ? "" : " (at " + path + ")";
	}

	private static Map<String, Object> error(InvalidRequestException.Problem p) {
		return p.position() == null ? Map.of("field", p.field(), "message", p.message())
				: Map.of("position", p.position(), "field", p.field(), "message", p.message());
	}

}
