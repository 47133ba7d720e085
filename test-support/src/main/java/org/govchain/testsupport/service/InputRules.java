package org.govchain.testsupport.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks, without starting anything, that a service applies the request rules to every input its
 * controllers take: each {@code @RequestBody} is {@code @Valid}; each text in it — record
 * components, list elements, nested records (which must be {@code @Valid} too) — and each text
 * {@code @RequestParam} and {@code @PathVariable} carries the text constraint; each time ({@code
 * Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code LocalDate}, {@code
 * LocalDateTime}) carries the time constraint. A field added later without them fails the service's
 * test. The constraints are passed in (anchor-web's {@code PlainText} and {@code SupportedTime}):
 * test-support cannot depend on anchor-web, whose tests use it. Headers keep their own rules (the
 * {@code Idempotency-Key} is 1–200 printable ASCII characters, checked by the starter's {@code
 * IdempotentRequest}).
 */
public final class InputRules {

  private static final String VALID = "jakarta.validation.Valid";
  private static final Set<Class<?>> TIMES =
      Set.of(
          Instant.class,
          OffsetDateTime.class,
          ZonedDateTime.class,
          LocalDate.class,
          LocalDateTime.class);

  private final Class<? extends Annotation> text;
  private final Class<? extends Annotation> time;
  private final List<String> defects = new ArrayList<>();
  private int inputs;

  private InputRules(Class<? extends Annotation> text, Class<? extends Annotation> time) {
    this.text = text;
    this.time = time;
  }

  /**
   * Asserts that every input of every {@code @RestController} under {@code basePackage} is checked
   * by {@code text} or {@code time} as its type requires, and that there are inputs at all.
   */
  public static void assertEveryInputChecked(
      String basePackage, Class<? extends Annotation> text, Class<? extends Annotation> time) {
    InputRules rules = new InputRules(text, time);
    List<Class<?>> controllers = controllers(basePackage);
    assertThat(controllers).as("controllers under " + basePackage).isNotEmpty();
    controllers.forEach(rules::controller);
    assertThat(rules.inputs).as("text and time inputs under " + basePackage).isPositive();
    assertThat(rules.defects).as("inputs without the request rules").isEmpty();
  }

  private static List<Class<?>> controllers(String basePackage) {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
    List<Class<?>> found = new ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
      found.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), null));
    }
    return found;
  }

  private void controller(Class<?> type) {
    for (Method method : type.getDeclaredMethods()) {
      if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
        continue;
      }
      for (Parameter parameter : method.getParameters()) {
        String where =
            type.getSimpleName() + "." + method.getName() + "(" + parameter.getName() + ")";
        if (parameter.isAnnotationPresent(RequestBody.class)) {
          if (!hasValid(parameter)) {
            defects.add(where + ": a @RequestBody without @Valid");
          }
          walk(parameter.getType(), where, new HashSet<>());
        } else if (parameter.isAnnotationPresent(RequestParam.class)
            || parameter.isAnnotationPresent(PathVariable.class)) {
          leaf(parameter.getType(), parameter, parameter.getAnnotatedType(), where);
        }
      }
    }
  }

  /** The components of a request body's record, recursively. */
  private void walk(Class<?> type, String where, Set<Class<?>> seen) {
    if (!type.isRecord() || !seen.add(type)) {
      return;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      String path = where + "." + component.getName();
      AnnotatedElement field = field(type, component);
      AnnotatedType annotated = component.getAnnotatedType();
      Class<?> componentType = component.getType();
      if (Collection.class.isAssignableFrom(componentType)) {
        if (annotated instanceof AnnotatedParameterizedType list) {
          AnnotatedType element = list.getAnnotatedActualTypeArguments()[0];
          Class<?> elementType = rawType(element);
          if (elementType.isRecord()) {
            if (!has(element, VALID) && !hasValid(field)) {
              defects.add(path + ": a list of records without @Valid");
            }
            walk(elementType, path + "[]", seen);
          } else {
            leaf(elementType, null, element, path + "[]");
          }
        }
      } else if (componentType.isRecord()) {
        if (!hasValid(field)) {
          defects.add(path + ": a nested record without @Valid");
        }
        walk(componentType, path, seen);
      } else {
        leaf(componentType, field, annotated, path);
      }
    }
  }

  private void leaf(Class<?> type, AnnotatedElement element, AnnotatedType annotated, String path) {
    if (CharSequence.class.isAssignableFrom(type)) {
      inputs++;
      if (!has(element, annotated, text)) {
        defects.add(path + ": text without @" + text.getSimpleName());
      }
    } else if (TIMES.contains(type)) {
      inputs++;
      if (!has(element, annotated, time)) {
        defects.add(path + ": a time without @" + time.getSimpleName());
      }
    } else if (!type.isPrimitive()
        && !type.isEnum()
        && !Number.class.isAssignableFrom(type)
        && type != Boolean.class
        && type != UUID.class) {
      defects.add(path + ": an input of type " + type.getName() + " the rules do not know");
    }
  }

  private static AnnotatedElement field(Class<?> record, RecordComponent component) {
    try {
      return record.getDeclaredField(component.getName());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> rawType(AnnotatedType type) {
    java.lang.reflect.Type t = type.getType();
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof java.lang.reflect.ParameterizedType p
        && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  private static boolean has(
      AnnotatedElement element, AnnotatedType annotated, Class<? extends Annotation> constraint) {
    return (element != null && element.isAnnotationPresent(constraint))
        || (annotated != null && annotated.isAnnotationPresent(constraint));
  }

  private static boolean has(AnnotatedType annotated, String annotationName) {
    return Arrays.stream(annotated.getAnnotations())
        .anyMatch(a -> a.annotationType().getName().equals(annotationName));
  }

  private static boolean hasValid(AnnotatedElement element) {
    return Arrays.stream(element.getAnnotations())
        .anyMatch(a -> a.annotationType().getName().equals(VALID));
  }
}
