package com.nightbff.nightwatch;

import com.nightbff.nightwatch.system.cli.CommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The plane. {@link CommandLine} decides whether a call starts the server or runs a one-shot command. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NightwatchApplication {

    public static void main(String[] args) {
        int status = CommandLine.run(args);
        if (status != CommandLine.SERVING) {
            System.exit(status);
        }
    }
}
