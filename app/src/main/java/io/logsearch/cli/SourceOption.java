package io.logsearch.cli;

import io.logsearch.indexer.sources.Source;
import io.logsearch.indexer.sources.Sources;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --source} to a {@link Source}, listing the valid ids when it is unknown. */
final class SourceOption implements ITypeConverter<Source> {

    @Override
    public Source convert(String value) {
        try {
            return Sources.byId(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
