"""The main window and what it is made of: actions, menus, notice, link routing, history."""
