package org.consentry.platform.boundary;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The input a constraint violation is about, named as the client sent it and as the OpenAPI document
 * names it: a body member by its JSON path ({@code customer.email}, {@code compromised[0].version},
 * {@code subjectIds[2]}, the same spelling JsonShape uses), a parameter by its name in the request
 * ({@code Accept-Language}, {@code token}), never by the Java parameter behind it.
 */
final class ViolationField {

    private ViolationField() {
    }

    static String of(ConstraintViolation<?> violation) {
        StringBuilder property = new StringBuilder();
        String parameter = null;
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = parameterName(violation.getRootBeanClass(), method, node.as(Path.ParameterNode.class))
                        .orElse(node.getName());
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.isInIterable() && !property.isEmpty()) {
                    // the index belongs to the container before: compromised[0].version, subjectIds[0]
                    property.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                }
                if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                    if (!property.isEmpty()) {
                        property.append('.');
                    }
                    property.append(node.getName());
                }
            }
        }
        if (!property.isEmpty()) {
            return property.toString();
        }
        return parameter != null ? parameter : violation.getPropertyPath().toString();
    }

    /** The parameter's name in the request: the value of its @QueryParam, @HeaderParam, @PathParam, ... */
    private static Optional<String> parameterName(Class<?> resource, Path.MethodNode method, Path.ParameterNode parameter) {
        if (resource == null || method == null) {
            return Optional.empty();
        }
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Method declared = type.getDeclaredMethod(method.getName(), types);
                for (Annotation annotation : declared.getParameterAnnotations()[parameter.getParameterIndex()]) {
                    Optional<String> name = requestName(annotation);
                    if (name.isPresent()) {
                        return name;
                    }
                }
            } catch (NoSuchMethodException e) {
                // declared higher up: a proxy subclass, or an inherited resource method
            }
        }
        return Optional.empty();
    }

    private static Optional<String> requestName(Annotation annotation) {
        if (annotation instanceof QueryParam q) {
            return Optional.of(q.value());
        } else if (annotation instanceof HeaderParam h) {
            return Optional.of(h.value());
        } else if (annotation instanceof PathParam p) {
            return Optional.of(p.value());
        } else if (annotation instanceof FormParam f) {
            return Optional.of(f.value());
        } else if (annotation instanceof CookieParam c) {
            return Optional.of(c.value());
        } else if (annotation instanceof MatrixParam m) {
            return Optional.of(m.value());
        }
        return Optional.empty();
    }
}
