package dev.parley.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/** Which database Parley runs on, for the few places that use a statement only PostgreSQL has. */
public final class Databases {

	private Databases() {
	}

	/** Whether the data source is PostgreSQL; false when it cannot be asked (the general way works everywhere). */
	public static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException e) {
			return false;
		}
	}
}
