/**
 * The command line, and only that: one class per command (options, validate, call a use case of
 * {@code app/}, print), the option mixins, the error handler, the console streams, completion, and the
 * picocli factory that hands each command its use case through the constructor.
 *
 * <p>The rule that shapes this package: no fabric8 type in a command's fields or signatures. picocli
 * reflects over every command class to build the model for {@code --help} and {@code --version}; a fabric8
 * type there would load fabric8 (and its Jackson) for a help page. {@code StartupClassLoadingTest} guards it.
 */
package io.github.sharepid.cli;
