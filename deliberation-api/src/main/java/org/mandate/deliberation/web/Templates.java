package org.mandate.deliberation.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Pebble templates under {@code web/templates/}, compiled once and cached. HTML autoescaping is on
 * (Pebble's default), so every value a member typed is escaped unless a template says otherwise.
 */
final class Templates {

    private static final PebbleEngine ENGINE;

    static {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("web/templates/");
        loader.setSuffix(".peb");
        ENGINE = new PebbleEngine.Builder().loader(loader).strictVariables(false).autoEscaping(true).build();
    }

    private Templates() {}

    static String render(String name, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            ENGINE.getTemplate(name).evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
