/**
 * Run records derived from events ({@link dev.dawn.reporters.run.RunRecord#fromEvents}) and the report rebuild
 * entry point {@link dev.dawn.reporters.run.RunExporter#export} ({@code dawn export}).
 */
package dev.dawn.reporters.run;
