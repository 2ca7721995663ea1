"""The main window and what it is made of: actions and menus, the rarer commands, pages and
links, the tools it adds after the first paint, and its layout kept between starts."""
