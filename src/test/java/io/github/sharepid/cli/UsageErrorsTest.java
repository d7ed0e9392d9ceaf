package io.github.sharepid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input a user can type: one line on stderr that names what is wrong, exit code 2, nothing on
 * stdout, and no cluster contacted (so nothing can have been created).
 */
class UsageErrorsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            debug Web_1                                  | POD
            debug web --copy-to Bad_Name                 | --copy-to
            debug web -c Bad_Name                        | --container
            debug web --profile nosuch                   | profile "nosuch"
            debug web --set-image nginx                  | --set-image
            debug web --env =x                           | --env
            debug web --timeout 2x                       | --timeout
            debug web --custom /no/such/file.yaml        | --custom /no/such/file.yaml: no such file
            debug web --keep-init-containers=maybe       | --keep-init-containers
            debug web --hold Bad_Name                    | --hold
            debug web --profile netadmins                | valid: general, baseline, restricted, sysadmin, netadmin
            debug web --attach=false --rm                | --rm
            debug web --target app                       | --target needs --ephemeral, --as-target-user or --run-as
            debug web --run-as 1000:x                    | --run-as "1000:x"
            debug web --as-target-user --target Bad_Name | --target
            debug                                        | POD
            debug web --ephemeral --rm                   | --rm cannot be used with --ephemeral
            debug web --ephemeral --copy-to web-2        | --copy-to cannot be used with --ephemeral
            debug web --ephemeral --same-node            | --same-node cannot be used with --ephemeral
            debug web --ephemeral --set-image '*=nginx'  | --set-image cannot be used with --ephemeral
            debug web --ephemeral --keep-labels          | --keep-labels cannot be used with --ephemeral
            debug web --ephemeral --keep-annotations     | --keep-annotations cannot be used with --ephemeral
            debug web --ephemeral --keep-liveness        | --keep-liveness cannot be used with --ephemeral
            debug web --ephemeral --hold nginx           | --hold cannot be used with --ephemeral
            debug web --ephemeral --keep-init-containers=false | --keep-init-containers cannot be used with --ephemeral
            debug web --ephemeral --custom c.yaml        | --custom applies to the debug container of a copy
            debug web --ephemeral --run-as 1000:x        | --run-as "1000:x"
            ps web --target nginx                        | --target applies only with --ephemeral
            ports web -o wide                            | -o wide is not supported here
            top web --sort rss                           | --sort rss: valid: cpu, mem, pid, time
            top web --interval 5ms                       | --interval must be between 100ms and 10m
            top web --interval soon                      | --interval
            top web --once --count 3                     | --once and --count 3 exclude each other
            top web --count 0                            | --count must be at least 1
            top web -o wide                              | -o wide is not supported here
            ports web --profile restricted               | --profile applies only with --ephemeral
            top deploy/web                               | top redraws one POD only: with TYPE/NAME or -l add --once or --count N
            top -l app=web --sort rss                    | --sort rss: valid
            files sts/db 7                               | PIDs differ from pod to pod: with TYPE/NAME or -l select the processes with -c CONTAINER or --deleted instead
            files -l app=web 7 8                         | files takes one PID, not 7 8
            files -l app=web                             | files needs a PID, -c CONTAINER or --deleted
            ports -A deploy/web                          | -A applies only with -l
            files web                                    | files needs a PID, -c CONTAINER or --deleted
            files web 0                                  | PID must be a positive number
            files web 12x                                | PID must be a positive number
            files web --deleted -o wide                  | -o wide is not supported here
            ps web --image busybox                       | --image applies only with --ephemeral
            ps web --run-as 1000                         | --run-as applies only with --ephemeral
            signal web 8 --as-target-user                | --as-target-user applies only with --ephemeral
            ps web --ephemeral --run-as root             | --run-as "root"
            signal web 8 --profile general               | --profile applies only with --ephemeral
            peek-root web 8 /etc --timeout 1m            | --timeout applies only with --ephemeral
            ps web --ephemeral --exec-container shell    | exclude each other
            ps web --ephemeral --target Bad_Name         | --target
            ps web --ephemeral --profile nosuch          | profile "nosuch"
            ps web -o xml                                | -o xml
            signal web abc                               | "abc" is not a PID
            signal web -5                                | -5
            signal web 0                                 | "0" is not a PID
            signal web 1                                 | PID 1 is the pod's sandbox
            signal web 8 -s NOSUCH                       | unknown signal
            signal web                                   | name the PIDs
            signal web 8 -c nginx                        | not both
            signal web -c nginx --match '('              | --match
            peek-root web 8 etc/passwd                   | must be absolute
            peek-root web 8 ''                           | must not be empty
            peek-root web -c nginx 8 /etc                | only PATH
            peek-root web /etc                           | give a PID and a PATH
            peek-root web 8 /x --tail 5                  | --tail needs --follow
            peek-root web 8 /x --follow --tail=-2        | --tail must be -1
            peek-root web 8 /x --follow --to .           | neither --to nor -o
            peek-root web 8 /x -f -o json                | neither --to nor -o
            cleanup                                      | --all or --older-than
            cleanup web-1 --all                          | not both
            cleanup --all --older-than soon              | --older-than
            list -o wide                                 | -o wide
            completion fish                              | fish
            completion bash --install                    | --install goes with kubectl
            nosuch                                       | nosuch
            ps web --no-such-flag                        | --no-such-flag
            --no-such-flag                               | --no-such-flag
            peek-root web -c nginx -rf                   | Unknown option: '-rf'
            signal web -9                                | "-9" is not a PID
            """)
    void usageError_oneLineExit2NoCluster(String commandLine, String named) {
        CliRun run = CliRun.of(CliRun.noCluster(), split(commandLine));

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr().lines()).hasSize(1);
        assertThat(run.stderr()).startsWith("error: ").contains(named);
    }

    /** Splits on spaces; single quotes keep a word together ('' is an empty word). */
    private static String[] split(String line) {
        java.util.List<String> words = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words.toArray(String[]::new);
    }
}
