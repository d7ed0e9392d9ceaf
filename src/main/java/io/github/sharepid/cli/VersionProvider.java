package io.github.sharepid.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version Maven wrote into the jar, and the Java runtime it runs on. */
public class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/io/github/sharepid/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {
            "kubectl-sharepid " + p.getProperty("version", "unknown"),
            "runtime: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        };
    }
}
