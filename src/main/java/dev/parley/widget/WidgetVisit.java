package dev.parley.widget;

/** What a visitor gave in the widget's pre-chat form, the queue its page asks for, and the page's origin. */
public record WidgetVisit(String name, String email, String topic, String queue, String origin) {
}
