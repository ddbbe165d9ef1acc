package io.gamedata.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Captures what a logger writes (through the real log4j pipeline) while an action runs. */
final class LogCapture {

  private LogCapture() {}

  static List<String> during(String loggerName, Consumer<Logger> action) {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    AbstractAppender appender =
        new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
          @Override
          public void append(LogEvent event) {
            lines.add(event.getMessage().getFormattedMessage());
          }
        };
    appender.start();
    org.apache.logging.log4j.core.Logger logger = ctx.getLogger(loggerName);
    Level before = logger.getLevel();
    logger.addAppender(appender);
    logger.setLevel(Level.ALL);
    try {
      action.accept(LoggerFactory.getLogger(loggerName));
    } finally {
      logger.removeAppender(appender);
      logger.setLevel(before);
      appender.stop();
    }
    return List.copyOf(lines);
  }
}
