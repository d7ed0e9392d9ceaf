package io.github.sharepid.krew;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What goes into the native build is one clear list (issue #17, from a GraalVM 25 build log): the image class path
 * is target/classes plus Maven's resolved dependencies, not the launcher's jar, whose manifest Class-Path named
 * every target/lib jar a second time (the rebuilt picocli among them); and picocli-codegen writes no empty
 * proxy-config.json, whose deprecated form native-image warns about.
 */
class NativeBuildInputsTest {
    private static final Path PICOCLI_GENERATED =
            Path.of("target/classes/META-INF/native-image/picocli-generated/io.github.sharepid/kubectl-sharepid");

    @Test
    void nativeImage_buildsFromTargetClasses_notFromTheJarWithItsManifestClassPath() throws Exception {
        Element nativePlugin = nativePlugin();

        assertThat(text(nativePlugin, "classesDirectory")).isEqualTo("${project.build.outputDirectory}");
        assertThat(text(nativePlugin, "classpath")).as("no hand-made class path beside Maven's").isNull();
    }

    @Test
    void thePomSays_whichPicocliJarEachBuildUses() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        int comment = pom.indexOf("<id>picocli-17</id>");

        assertThat(pom.substring(pom.lastIndexOf("<!--", comment), comment))
                .contains("Only the JVM launcher uses it")
                .contains("the native build use Maven's own picocli-${picocli.version}.jar");
    }

    @Test
    void picocliCodegen_writesReflectionMetadata_andNoProxyConfig() throws Exception {
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<arg>-Adisable.proxy.config=true</arg>");
        assertThat(PICOCLI_GENERATED.resolve("reflect-config.json")).as("written at every compile").exists();
        assertThat(PICOCLI_GENERATED.resolve("proxy-config.json")).doesNotExist();
    }

    private static Element nativePlugin() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("native-maven-plugin".equals(text(plugin, "artifactId"))) {
                return plugin;
            }
        }
        throw new AssertionError("no native-maven-plugin in pom.xml");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
