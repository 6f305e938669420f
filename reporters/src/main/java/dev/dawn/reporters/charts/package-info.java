/** {@code accuracy.png} (XChart, headless). */
package dev.dawn.reporters.charts;
