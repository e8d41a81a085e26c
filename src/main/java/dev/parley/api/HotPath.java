package dev.parley.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method that is called so often (a chat message) that Spring MVC's general machinery around it
 * costs more than the work: {@link HotPaths} finds and calls it directly for a plain JSON request, with the same
 * answers. The method keeps its mapping, documentation and error answers; it may take only
 * {@code @AuthenticationPrincipal}, {@code @PathVariable String} and {@code @RequestBody} arguments and return a
 * {@code ResponseEntity} or a body (checked at start).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface HotPath {
}
