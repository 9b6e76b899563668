package dev.ants.image.hjfs;

import dev.ants.core.AntsException;

import java.util.HashMap;
import java.util.Map;

/**
 * The user table an hjfs root carries in /adm/users ({@code id:name:leader:members} per line): hjfs
 * stores owners as these numbers, so the writer maps each entry's owner and group through it.
 */
public final class HjfsUsers {
    private final Map<String, Short> ids = new HashMap<>();

    public HjfsUsers(String usersFile) {
        for (String line : usersFile.split("\n")) {
            String[] f = line.split(":", -1);
            if (line.isBlank() || f.length < 2) continue;
            try {
                ids.put(f[1], Short.parseShort(f[0].trim()));
            } catch (NumberFormatException e) {
                // hjfs skips such lines too; what it cannot number, no file can be owned by
            }
        }
    }

    public short id(String name, String path) {
        Short id = ids.get(name);
        if (id == null) {
            throw AntsException.badInput("/" + path + " is owned by '" + name + "', who is not in the root's /adm/users",
                    "add the user to adm/users in the root layout, or change the owner");
        }
        return id;
    }
}
